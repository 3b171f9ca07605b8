using System.Net;
using System.Net.Http.Headers;
using Ecf.Application.Tokens;
using Ecf.Functions.Auth;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Edge;

/// <summary>
/// The local run as a .NET user starts it: the usual ways to choose the address work (the launch profile pins none), <c>--help</c>
/// prints the commands without serving, and a real Kestrel answers a chunked body over the limit with a body.
/// </summary>
public sealed class RunCommandTests(RunCommandTests.ServedWithAspNetCoreUrls app) : IClassFixture<RunCommandTests.ServedWithAspNetCoreUrls>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Ecf_Help_ListsTheCommandsAndExitsWithoutServing(string option)
    {
        await using var process = EcfProcess.Start([option]);

        var exit = await process.WaitForExitAsync(StartTimeout);

        var output = process.Output;
        Assert.True(exit == 0, output);
        Assert.All(["tokens", "gias", "uplifts", "--urls", "ASPNETCORE_URLS"], word => Assert.Contains(word, output, StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ecf_AspNetCoreUrls_ServesOnThatAddress()
    {
        using var health = await app.Process.WaitUntilServingAsync(app.Address, StartTimeout);

        Assert.Equal(HttpStatusCode.Unauthorized, health.StatusCode);
        Assert.Equal(ApiTokenAuthenticationHandler.AccessDeniedBody, await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ecf_UrlsOption_ServesOnThatAddress()
    {
        var address = new Uri($"http://127.0.0.1:{EcfProcess.FreeLoopbackPort()}");
        await using var process = EcfProcess.Start(["--urls", address.ToString()]);

        using var health = await process.WaitUntilServingAsync(address, StartTimeout);

        Assert.Equal(HttpStatusCode.Unauthorized, health.StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/tokens", ApiRoles.Admin)]
    [InlineData("/api/v3/partnerships/ecf", ApiRoles.LeadProvider)]
    public async Task Post_ChunkedBodyOverTheLimit_413WithABody(string path, string role)
    {
        using var served = await app.Process.WaitUntilServingAsync(app.Address, StartTimeout);
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Process.LocalToken(role));
        var body = new byte[Hosting.ApiLimits.MaxRequestBodyBytes + (64 * 1024)];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        using var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(path, content);

        Assert.Null(content.Headers.ContentLength);
        var json = await HttpAssert.JsonAsync(response, HttpStatusCode.RequestEntityTooLarge);
        if (role == ApiRoles.Admin)
        {
            Assert.Equal("ecf.1004", json.GetProperty("code").GetString());
        }
        else
        {
            HttpAssert.SingleV3Error(json);
        }
    }

    /// <summary>The app started once for the class, with ASPNETCORE_URLS naming a free loopback port.</summary>
    public sealed class ServedWithAspNetCoreUrls : IAsyncLifetime
    {
        public Uri Address { get; } = new($"http://127.0.0.1:{EcfProcess.FreeLoopbackPort()}");

        public EcfProcess Process { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Process = EcfProcess.Start([], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = Address.ToString() });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
