using System.Text.Json;
using Ecf.Functions.Cli;
using Ecf.Functions.Features.Timers;
using Ecf.Functions.Functions;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;

namespace Ecf.Functions.Tests;

public sealed class FunctionTableTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public void AppEndpoints_Every_HasAFunctionName()
    {
        var endpoints = RouteEndpoints();

        var unnamed = endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null).Select(e => e.RoutePattern.RawText).ToList();

        Assert.NotEmpty(endpoints);
        Assert.Empty(unnamed);
    }

    [Fact]
    public void AppEndpoints_Every_DeclaresItsAccess()
    {
        var undeclared = RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void FunctionTable_AppEndpoints_OneFunctionPerRouteWithSameMethodsAndRoute()
    {
        var endpoints = RouteEndpoints();

        var table = FunctionTable.From([factory.Services.GetRequiredService<EndpointDataSource>()]);

        Assert.Equal(endpoints.Count, table.Count);
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<TimerTriggerMetadata>() is null))
        {
            var name = endpoint.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName;
            var function = Assert.Single(table, f => f.Name == name);
            var methods = endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(m => m.ToLowerInvariant()).Order();
            Assert.Equal(methods, function.Methods.Order());
            Assert.Equal(endpoint.RoutePattern.RawText!.Replace("{**", "{*", StringComparison.Ordinal), "/api/" + function.Route);
        }
    }

    [Fact]
    public async Task FunctionsGenerate_Cli_WritesFunctionJsonForEveryRoute()
    {
        var expected = FunctionTable.From([factory.Services.GetRequiredService<EndpointDataSource>()]);

        var output = await GenerateAsync("functions-out");

        var written = Directory.GetDirectories(output).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(expected.Select(f => f.Name).Order(), written);
        foreach (var function in expected.Where(f => f.Schedule is null))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, function.Name, "function.json")));
            var bindings = json.RootElement.GetProperty("bindings");
            var trigger = bindings[0];
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal("in", trigger.GetProperty("direction").GetString());
            Assert.Equal("req", trigger.GetProperty("name").GetString());
            Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
            Assert.Equal(function.Methods, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
            Assert.Equal(function.Route, trigger.GetProperty("route").GetString());
            Assert.Equal("http", bindings[1].GetProperty("type").GetString());
            Assert.Equal("out", bindings[1].GetProperty("direction").GetString());
            Assert.Equal("res", bindings[1].GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task FunctionsGenerate_TimerFunction_WritesATimerTriggerWithTheConfiguredSchedule()
    {
        var output = await GenerateAsync("functions-timers");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "GiasImport", "function.json")));
        var trigger = Assert.Single(json.RootElement.GetProperty("bindings").EnumerateArray());
        Assert.Equal(("timerTrigger", "in", "0 0 6 * * *"), (trigger.GetProperty("type").GetString(), trigger.GetProperty("direction").GetString(), trigger.GetProperty("schedule").GetString()));
    }

    [Fact]
    public async Task TimerFunction_HostInvocation_AnswersAsACustomHandlerWithoutAToken()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/GiasImport", new StringContent("{\"Data\":{\"timer\":{}},\"Metadata\":{}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public void FunctionTable_EndpointWithoutName_ThrowsNamingTheRoute()
    {
        var source = Source(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/unnamed"), 0, EndpointMetadataCollection.Empty, "unnamed"));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionTable.From([source]));

        Assert.Contains("/api/unnamed has no function name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionTable_EndpointOutsideApi_Throws()
    {
        var source = Source(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/health"), 0, new EndpointMetadataCollection(new EndpointNameMetadata("Outside")), "outside"));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionTable.From([source]));

        Assert.Contains("not under /api/", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/participants/{id}", "participants/{id}")]
    [InlineData("/api/participants/{id:guid}/withdraw", "participants/{id:guid}/withdraw")]
    [InlineData("/api/docs/{**path}", "docs/{*path}")]
    [InlineData("/api/items/{page?}", "items/{page?}")]
    public void ToFunctionRoute_Pattern_MatchesFunctionsRouteSyntax(string pattern, string expected)
    {
        Assert.Equal(expected, FunctionTable.ToFunctionRoute(RoutePatternFactory.Parse(pattern)));
    }

    [Fact]
    public void HostJson_IsACustomHandlerConfigWithForwarding()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");

        using var json = JsonDocument.Parse(File.ReadAllText(path));

        var root = json.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        var handler = root.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal(typeof(Program).Assembly.GetName().Name, handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    /// <summary>Runs <c>ecf functions generate</c> into a folder of the test's data directory and returns the folder.</summary>
    private async Task<string> GenerateAsync(string folder)
    {
        var output = Path.Combine(factory.DataDirectory, folder);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EcfCommandLine.RunAsync(
            ["functions", "generate", "--output", output],
            new CommandLineContext(stdout, stderr, builder => builder.Configuration.AddInMemoryCollection(factory.Settings)));
        Assert.True(exit == 0, stderr.ToString());
        return output;
    }

    private List<RouteEndpoint> RouteEndpoints()
    {
        using var client = factory.CreateClient();
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    private static DefaultEndpointDataSource Source(params Endpoint[] endpoints) => new(endpoints);
}
