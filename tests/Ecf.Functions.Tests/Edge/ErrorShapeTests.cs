using System.Net;
using System.Text;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Edge;

/// <summary>
/// One error shape everywhere: every 4xx under /api/v3 has the v3 body <c>{"errors":[{"title","detail"}]}</c>, every other route
/// a ProblemDetails with its code, in the service's own words (never the framework's binding messages).
/// </summary>
public sealed class ErrorShapeTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    public async Task Orchestrations_ShowInputNotABoolean_400NamingTheParameter(string showInput)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.GetAsync($"/api/orchestrations/some-instance?showInput={showInput}");

        var (code, problem) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal("ecf.1013", code);
        Assert.Contains("'showInput'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int top\" from \"ten\".", "ecf.1013", "'top'")]
    [InlineData("Failed to bind parameter \"Nullable<Guid> id\" from \"x\".", "ecf.1013", "'id'")]
    [InlineData("Required parameter \"string name\" was not provided from route.", "ecf.1014", "'name'")]
    [InlineData("Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?", "ecf.1012", "body")]
    [InlineData("Something the framework says about \"T x\".", "ecf.1017", "could not be read")]
    public void Describe_BinderFailure_OurCodeAndWordsNamingTheParameter(string message, string code, string named)
    {
        var error = Errors.UnhandledExceptionMiddleware.Describe(new BadHttpRequestException(message));

        Assert.Equal(code, error.Code);
        Assert.Contains(named, error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\"", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/api/admin/tokens")]
    [InlineData("PUT", "/api/orchestrations")]
    public async Task KnownRoute_MethodNotMapped_405Problem(string method, string path)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("ecf.1011", code);
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UnknownRoute_404ProblemWithItsCode()
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await admin.GetAsync("/api/no-such-thing");

        var (code, _) = await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("ecf.1015", code);
    }

    public static TheoryData<string, string, string?, string?, HttpStatusCode> V3Failures => new()
    {
        { "GET", "/api/v3/no-such-resource", null, null, HttpStatusCode.NotFound },
        { "DELETE", "/api/v3/partnerships/ecf", null, null, HttpStatusCode.MethodNotAllowed },
        { "POST", "/api/v3/partnerships/ecf", "text/plain", "{}", HttpStatusCode.UnsupportedMediaType },
        { "POST", "/api/v3/partnerships/ecf", "application/json", "", HttpStatusCode.BadRequest },
        { "POST", "/api/v3/partnerships/ecf", "application/json", "null", HttpStatusCode.BadRequest },
        { "POST", "/api/v3/partnerships/ecf", "application/json", "{\"data\":", HttpStatusCode.BadRequest },
        { "POST", "/api/v3/partnerships/ecf", "application/json", "{\"data\":{\"type\":\"\\udfff\"}}", HttpStatusCode.BadRequest },
        { "POST", "/api/v3/partnerships/ecf", "application/json", "{\"data\":{\"type\":\"partnership\",\"attributes\":{}}}", HttpStatusCode.BadRequest },
        { "GET", "/api/v3/partnerships/ecf?page[page]=abc", null, null, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(V3Failures))]
    public async Task V3Route_Any4xx_HasTheV3ErrorBody(string method, string path, string? contentType, string? body, HttpStatusCode expected)
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        using var response = await client.SendAsync(request);

        var (title, detail) = HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(response, expected));
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.DoesNotContain("parameter \"", detail, StringComparison.Ordinal);
    }
}
