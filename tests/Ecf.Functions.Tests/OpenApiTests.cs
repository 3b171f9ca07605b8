using System.Net;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests;

public sealed class OpenApiTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public async Task OpenApiDocument_Anonymous_ServedWithTitleBearerSchemeAndPaths()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/openapi/v1.json");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Ecf.Functions API", body.GetProperty("info").GetProperty("title").GetString());
        var scheme = body.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearerAuth");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var paths = body.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/health", out _));
        Assert.True(paths.TryGetProperty("/api/admin/tokens", out _));
    }

    [Fact]
    public async Task SwaggerUi_Anonymous_ServesPageAndAssets()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        using var page = await client.GetAsync("/api/docs");
        using var css = await client.GetAsync("/api/docs/swagger-ui.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }
}
