using System.Net;
using System.Text;
using System.Text.Json;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests;

public sealed class ErrorHandlingTests : IClassFixture<ErrorHandlingTests.Factory>
{
    private readonly Factory _factory;

    public ErrorHandlingTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task CreateToken_MalformedJson_Returns400ProblemNamingLineAndPosition()
    {
        using var admin = await _factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.PostAsync("/api/admin/tokens", Json("{\n  \"role\": }"));

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains("not valid JSON", detail, StringComparison.Ordinal);
        Assert.Contains("line 2", detail, StringComparison.Ordinal);
        Assert.Contains("position 11", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", detail.Replace(", at $", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3Route_MalformedJson_Returns400InJsonApiFormat()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        using var response = await client.PostAsync(TestEndpoints.V3Echo, Json("""{"name": "x", "count": "three"}"""));

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        var (title, detail) = HttpAssert.SingleV3Error(body);
        Assert.Equal("Bad request", title);
        Assert.Contains("wrong type", detail, StringComparison.Ordinal);
        Assert.Contains("$.count", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3Route_WellFormedJson_IsBound()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        using var response = await client.PostAsync(TestEndpoints.V3Echo, Json("""{"name": "x", "count": 3}"""));

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(3, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task V3Route_UnknownPath_Returns404InJsonApiFormat()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        using var response = await client.GetAsync("/api/v3/no-such-resource");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(
            """{"errors":[{"title":"Resource not found","detail":"Nothing could be found for the provided details"}]}""",
            JsonSerializer.Serialize(body));
    }

    [Theory]
    [InlineData("/api/admin/tokens")]
    [InlineData(TestEndpoints.V3Echo)]
    public async Task Post_BodyOverOneMegabyte_Returns413(string path)
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var padding = new string('x', 1024 * 1024);
        using var content = Json($$"""{"role":"admin","description":"{{padding}}"}""");

        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("1048576 bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyJustUnderOneMegabyte_IsAccepted()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var envelope = """{"role":"admin","padding":""}""";
        var padding = new string('x', (1024 * 1024) - envelope.Length);
        using var content = Json($$"""{"role":"admin","padding":"{{padding}}"}""");

        using var response = await client.PostAsync("/api/admin/tokens", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task UnexpectedException_Returns500WithOnlyCorrelationIdAndGenericMessage()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Get, TestEndpoints.Throw);
        request.Headers.Add("X-Correlation-Id", "incident-42");

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("incident-42", body.GetProperty("correlationId").GetString());
        Assert.Equal("incident-42", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Boom", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TestEndpoints", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyResponse_NoCorrelationIdSent_EchoesAGeneratedOne()
    {
        using var client = _factory.CreateClient();

        using var first = await client.GetAsync("/api/health");
        using var second = await client.GetAsync("/api/health");

        var firstId = first.Headers.GetValues("X-Correlation-Id").Single();
        Assert.False(string.IsNullOrWhiteSpace(firstId));
        Assert.NotEqual(firstId, second.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task AnyResponse_InsaneCorrelationId_IsReplaced(string presented)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", presented);

        using var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(presented, echoed);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public sealed class Factory : EcfAppFactory
    {
        public Factory() => WithTestEndpoints = true;
    }
}
