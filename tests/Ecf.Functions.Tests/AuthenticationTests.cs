using System.Net;
using System.Net.Http.Headers;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests;

public sealed class AuthenticationTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    private const string AccessDenied = """{"error":"HTTP Token: Access denied"}""";

    [Fact]
    public async Task Health_NoToken_Returns401WithEcfBody()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/health");

        await AssertAccessDeniedAsync(response);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Token token=abc")]
    public async Task Health_MalformedAuthorizationHeader_Returns401WithEcfBody(string header)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        await AssertAccessDeniedAsync(response);
    }

    [Fact]
    public async Task Health_UnknownToken_Returns401WithEcfBody()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiTokenDigester.NewToken());

        using var response = await client.GetAsync("/api/health");

        await AssertAccessDeniedAsync(response);
    }

    [Fact]
    public async Task Health_TamperedToken_Returns401()
    {
        var token = await factory.CreateTokenAsync(ApiRoles.Admin);
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);

        using var response = await client.GetAsync("/api/health");

        await AssertAccessDeniedAsync(response);
    }

    [Theory]
    [InlineData(ApiRoles.Admin, null)]
    [InlineData(ApiRoles.Finance, null)]
    [InlineData(ApiRoles.SchoolService, null)]
    [InlineData(ApiRoles.LeadProvider, "Ambition Institute")]
    public async Task Health_ValidTokenOfAnyRole_Returns200Healthy(string role, string? leadProvider)
    {
        using var client = await factory.CreateClientWithTokenAsync(role, leadProvider);

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("sqlite", body.GetProperty("store").GetProperty("kind").GetString());
        Assert.True(body.GetProperty("store").GetProperty("reachable").GetBoolean());
        Assert.True(body.GetProperty("referenceData").GetProperty("loaded").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("version").GetString()));
        Assert.True(body.TryGetProperty("time", out _));
    }

    [Theory]
    [InlineData(ApiRoles.Finance, null)]
    [InlineData(ApiRoles.SchoolService, null)]
    [InlineData(ApiRoles.LeadProvider, "Teach First")]
    public async Task AdminTokens_RoleOtherThanAdmin_Returns403(string role, string? leadProvider)
    {
        using var client = await factory.CreateClientWithTokenAsync(role, leadProvider);

        using var list = await client.GetAsync("/api/admin/tokens");
        using var create = await client.PostAsJsonAsync("/api/admin/tokens", new { role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task AdminTokens_Admin_ListsMetadataWithoutTokensOrDigests()
    {
        var leadProviderToken = await factory.CreateTokenAsync(ApiRoles.LeadProvider, "Capita", "listing test");
        var digest = ApiTokenDigester.ToHex(factory.Services.GetRequiredService<ApiTokenDigester>().Digest(leadProviderToken));
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await client.GetAsync("/api/admin/tokens");

        var text = await response.Content.ReadAsStringAsync();
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        var entry = body.EnumerateArray().Single(t => t.GetProperty("description").GetString() == "listing test");
        Assert.Equal(ApiRoles.LeadProvider, entry.GetProperty("role").GetString());
        Assert.Equal("Capita", entry.GetProperty("leadProviderName").GetString());
        Assert.DoesNotContain(leadProviderToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(digest, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminCreateToken_Admin_Returns201WithWorkingToken()
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/admin/tokens", new { role = "lead_provider", leadProvider = "Ambition Institute", description = "via API" });

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal("Ambition Institute", body.GetProperty("metadata").GetProperty("leadProviderName").GetString());
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var health = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("""{"role":"superuser"}""", "not a role")]
    [InlineData("""{"role":"lead_provider"}""", "must name its lead provider")]
    [InlineData("""{"role":"lead_provider","leadProvider":"Nobody Ltd"}""", "No lead provider is called 'Nobody Ltd'")]
    [InlineData("""{"role":"finance","leadProvider":"Capita"}""", "not bound to a lead provider")]
    public async Task AdminCreateToken_InvalidRequest_Returns422ProblemNamingTheRule(string json, string expected)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.PostAsync("/api/admin/tokens", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(expected, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ecf.", body.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Held by\u0000ops", "ecf.3106")]
    [InlineData("Held by\u202Eops", "ecf.3106")]
    [InlineData(null, "ecf.3105")]
    public async Task AdminCreateToken_DescriptionBreaksTheTextRules_422WithItsCode(string? description, string code)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/admin/tokens", new { role = "finance", description = description ?? new string('x', 1001) });

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal((code, "description"), (body.GetProperty("code").GetString(), body.GetProperty("title").GetString()));
    }

    private static async Task AssertAccessDeniedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(AccessDenied, await response.Content.ReadAsStringAsync());
    }
}
