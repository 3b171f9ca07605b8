using Azure.Core.Serialization;
using Ecf.Functions.Hosting;
using Ecf.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Ecf.Functions.AzureFunctions;

/// <summary>
/// The app as an Azure Functions isolated worker (ADR 0010): the same composition as the local host, on
/// <c>FunctionsApplication</c> with the ASP.NET Core integration. The Functions host starts the worker with the address of
/// its gRPC endpoint (<c>--functions-uri</c>, read as <see cref="HostEndpointKey"/>); without it the app is the local host.
/// </summary>
public static class FunctionsWorkerHost
{
    /// <summary>The configuration key the worker reads the Functions host's gRPC address from.</summary>
    public const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    /// <summary>The command-line switch the Functions host passes that address with.</summary>
    public const string HostEndpointSwitch = "--functions-uri";

    /// <summary>True when the Functions host started this process (the switch is on the command line, or the setting is in the environment).</summary>
    public static bool IsStartedByFunctionsHost(string[] args, IConfiguration environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        return args.Any(a => a.Equals(HostEndpointSwitch, StringComparison.OrdinalIgnoreCase) || a.StartsWith(HostEndpointSwitch + "=", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrWhiteSpace(environment[HostEndpointKey]);
    }

    /// <summary>Builds the worker: services as the local host, and the app's endpoints as the data source of its services.</summary>
    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        // The Durable Functions extension serializes orchestration payloads with the worker's serializer: the same JSON as the local host.
        builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(DurableJson.Options));
        builder.AddEcfServices(EcfHostKind.FunctionsWorker);
        builder.AddEcfTelemetry();
        builder.Services.AddEcfEndpointDataSource();
        return builder.Build();
    }

    /// <summary>
    /// The app's endpoints (<see cref="ApiExtensions.MapEcfEndpoints"/>) as the <see cref="EndpointDataSource"/> service, where
    /// <see cref="EndpointInvoker"/> and the OpenAPI document find them; the worker's own routing serves only the functions.
    /// </summary>
    public static IServiceCollection AddEcfEndpointDataSource(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<EndpointDataSource>(provider =>
        {
            var endpoints = new EndpointTable(provider);
            endpoints.MapEcfEndpoints();
            return new CompositeEndpointDataSource(endpoints.DataSources);
        });
        return services;
    }

    private sealed class EndpointTable(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
