using System.Net;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Edge;

/// <summary>Only configured hosts are answered, and absolute URLs come from the configured public base URL, never from the Host header.</summary>
public sealed class HostHeaderTests
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:7071")]
    public async Task AnyRoute_HostNotAllowed_400ProblemAndNothingStarts(string host)
    {
        using var factory = new EcfAppFactory();
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = $"host-{Guid.NewGuid():N}";
        using var start = new HttpRequestMessage(HttpMethod.Post, $"/api/orchestrations/Ping?instanceId={id}") { Content = JsonContent.Create(new { message = "hi" }) };
        start.Headers.Host = host;

        using var refused = await admin.SendAsync(start);
        using var status = await admin.GetAsync($"/api/orchestrations/{id}");

        var (code, problem) = await HttpAssert.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1016", code);
        Assert.Contains(host, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.Contains("X-Correlation-Id"));
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task StartOrchestration_AnyHostAllowed_LocationAndLinksUseThePublicBaseUrl()
    {
        using var factory = new EcfAppFactory();
        factory.Settings["AllowedHosts"] = "*";
        factory.Settings["PublicBaseUrl"] = "https://ecf.example.org/";
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/orchestrations/Ping") { Content = JsonContent.Create(new { message = "hi" }) };
        start.Headers.Host = "evil.example";

        using var response = await admin.SendAsync(start);

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.Accepted);
        var expected = $"https://ecf.example.org/api/orchestrations/{body.GetProperty("id").GetString()}";
        Assert.Equal(new Uri(expected), response.Headers.Location);
        Assert.Equal(expected, body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(expected, body.GetProperty("purgeHistoryDeleteUri").GetString());
        Assert.StartsWith(expected, body.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ecf.example.org")]
    [InlineData("ftp://ecf.example.org")]
    [InlineData("https://ecf.example.org/?q=1")]
    public void Start_PublicBaseUrlNotAnHttpUrl_RefusesNamingTheSetting(string value)
    {
        using var factory = new EcfAppFactory();
        factory.Settings["PublicBaseUrl"] = value;

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("PublicBaseUrl", error.ToString(), StringComparison.Ordinal);
    }
}
