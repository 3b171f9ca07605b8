using System.Reflection;
using System.Text.Json;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Timers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Tests.FunctionsApp;

/// <summary>The published Functions app (functions.metadata) against the local host: the same routes, timers and orchestrations.</summary>
[Collection(PublishedFunctionsAppGroup.Name)]
public sealed class FunctionsMetadataTests(PublishedFunctionsApp published, EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public void AppEndpoints_Every_HasANameUnderApiAndDeclaresItsAccess()
    {
        var endpoints = RouteEndpoints();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<IEndpointNameMetadata>()));
        Assert.All(endpoints, e => Assert.StartsWith("/api/", e.RoutePattern.RawText, StringComparison.Ordinal));
        Assert.All(endpoints, e => Assert.True(
            e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null),
            $"{e.RoutePattern.RawText} declares neither a policy nor anonymous access."));
    }

    [Fact]
    public void FunctionsMetadata_HttpTriggers_SameRoutesAndMethodsAsTheLocalHost()
    {
        var local = RouteEndpoints()
            .Select(e => (
                Name: e.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName,
                Route: e.RoutePattern.RawText!["/api/".Length..].Replace("{**", "{*", StringComparison.Ordinal),
                Methods: string.Join(",", e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(m => m.ToLowerInvariant()).Order())))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        var functions = published.Functions.Where(f => f.TriggerType == "httpTrigger")
            .Select(f => (
                f.Name,
                Route: f.Trigger.GetProperty("route").GetString()!,
                Methods: string.Join(",", f.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order())))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(local, functions);
        Assert.All(published.Functions.Where(f => f.TriggerType == "httpTrigger"), f =>
        {
            Assert.Equal("anonymous", f.Trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
            Assert.Contains(f.Bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
        });
    }

    [Fact]
    public void FunctionsMetadata_TimerTriggers_OnePerConfiguredTimerFunctionWithItsScheduleSettingAndADurableClient()
    {
        var configured = factory.Services.GetRequiredService<IOptions<TimerFunctionsOptions>>().Value.Functions.Keys.Order(StringComparer.Ordinal).ToList();

        var timers = published.Functions.Where(f => f.TriggerType == "timerTrigger").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

        Assert.NotEmpty(configured);
        Assert.Equal(configured.Select(name => name + "Timer"), timers.Select(t => t.Name));
        Assert.All(timers.Zip(configured), pair =>
        {
            Assert.Equal($"%TimerFunctions:{pair.Second}:Schedule%", pair.First.Trigger.GetProperty("schedule").GetString());
            Assert.Contains(pair.First.Bindings, b => b.GetProperty("type").GetString() == "durableClient");
        });
    }

    [Fact]
    public void FunctionsMetadata_OrchestrationsAndActivities_EveryNameWithItsTrigger()
    {
        Assert.Equal(Names(typeof(OrchestrationNames)), FunctionNames("orchestrationTrigger"));
        Assert.Equal(Names(typeof(ActivityNames)), FunctionNames("activityTrigger"));
    }

    [Fact]
    public void FunctionsMetadata_EveryFunction_IsARouteTimerOrchestrationOrActivity()
    {
        Assert.All(published.Functions, f => Assert.Contains(f.TriggerType, (string[])["httpTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger"]));
        Assert.Equal(published.Functions.Count, published.Functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Publish_Output_HasTheWorkerConfigExtensionsAndHostJsonOfAnIsolatedWorker()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "worker.config.json")));
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "extensions.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "host.json")));

        Assert.Equal("dotnet-isolated", worker.RootElement.GetProperty("description").GetProperty("language").GetString());
        Assert.Equal("Ecf.Functions.dll", worker.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString());
        Assert.Contains(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        var extensionsSettings = host.RootElement.GetProperty("extensions");
        Assert.Equal("api", extensionsSettings.GetProperty("http").GetProperty("routePrefix").GetString());
        var durable = extensionsSettings.GetProperty("durableTask");
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal("AzureWebJobsStorage", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
        Assert.Equal("NonRunningStates", durable.GetProperty("overridableExistingInstanceStates").GetString());
        Assert.False(File.Exists(Path.Combine(published.Directory, "appsettings.Development.json")));
    }

    private List<string> FunctionNames(string trigger) =>
        [.. published.Functions.Where(f => f.TriggerType == trigger).Select(f => f.Name).Order(StringComparer.Ordinal)];

    private static List<string> Names(Type constants) =>
        [.. constants.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];

    private List<RouteEndpoint> RouteEndpoints()
    {
        using var _ = factory.CreateClient();
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }
}
