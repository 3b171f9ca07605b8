using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Ecf.Functions.Errors;
using Ecf.Storage.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ecf.Functions.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics (ADR 0009): HTTP requests, outgoing HTTP calls, store operations (<see cref="StorageTelemetry"/>)
/// and the durable runtime's sources; ASP.NET Core's, HttpClient's, the store's and the .NET runtime's meters. Every span carries
/// the request's correlation id. Exported to Azure Monitor when <see cref="ConnectionStringKey"/> is set and to the console when
/// <see cref="ConsoleKey"/> is true; otherwise recorded for nobody.
/// </summary>
public static class EcfTelemetry
{
    public const string ServiceName = "Ecf.Functions";

    /// <summary>Application Insights connection string, the name Azure Functions and App Service set.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string ConsoleKey = "Telemetry:Console";

    /// <summary>Microsoft.DurableTask's client and worker, and DurableTask.Core under them.</summary>
    public static readonly string[] DurableSources = ["Microsoft.DurableTask*", "DurableTask.Core"];

    public static IHostApplicationBuilder AddEcfTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration[ConnectionStringKey];
        var console = builder.Configuration.GetValue<bool>(ConsoleKey);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource(StorageTelemetry.Name)
                    .AddSource(DurableSources)
                    .AddProcessor(new CorrelationIdProcessor());
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(StorageTelemetry.Name)
                    .AddMeter("System.Runtime");
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // The distro adds the exporters (traces, metrics, logs); it leaves the instrumentation above as configured.
            telemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }

        return builder;
    }

    /// <summary>Tags every span started under a request with that request's correlation id (carried as baggage).</summary>
    private sealed class CorrelationIdProcessor : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data)
        {
            if (data.GetBaggageItem(CorrelationIdMiddleware.TelemetryName) is { } correlationId)
            {
                data.SetTag(CorrelationIdMiddleware.TelemetryName, correlationId);
            }
        }
    }
}
