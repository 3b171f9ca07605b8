using System.Diagnostics;
using System.Net;
using Ecf.Application.Tokens;
using Ecf.Functions.Errors;
using Ecf.Functions.Hosting;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ecf.Functions.Tests.Telemetry;

/// <summary>
/// The app's traces and metrics, read through OpenTelemetry's in-memory exporter added to the app's providers. The store's source
/// and meter are process-wide, so spans of apps other tests run at the same time are told apart by trace id. An app is disposed
/// before its spans are read, so every span has ended; metrics are flushed first.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task V3Request_ServerSpanAndChildStoreSpansInOneTrace_TaggedWithTheCorrelationId()
    {
        var spans = new List<Activity>();
        var factory = new EcfAppFactory { ConfigureServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)) };
        using (factory)
        {
            using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");
            using var response = await client.SendAsync(WithCorrelationId(HttpMethod.Get, "/api/v3/participants/ecf", "otel-v3-request"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem(CorrelationIdMiddleware.TelemetryName), "otel-v3-request"));
        Assert.Equal("/api/v3/participants/ecf", server.GetTagItem("url.path"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        var store = spans.Where(s => s.Source.Name == StorageTelemetry.Name && s.TraceId == server.TraceId).ToList();
        Assert.NotEmpty(store);
        Assert.All(store, span =>
        {
            Assert.Equal(server.SpanId, span.ParentSpanId);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("otel-v3-request", span.GetTagItem(CorrelationIdMiddleware.TelemetryName));
            Assert.Equal("sqlite", span.GetTagItem(StorageTelemetry.SystemTag));
        });
        // The provider's participant list is one single-partition query of its provider views.
        var query = Assert.Single(store, s => Equals(s.GetTagItem(StorageTelemetry.ContainerTag), "provider-views"));
        Assert.Equal(("query", true, "query provider-views"), (query.GetTagItem(StorageTelemetry.OperationTag), query.GetTagItem(StorageTelemetry.PartitionKeyTag), query.DisplayName));
        Assert.Equal(0, query.GetTagItem(StorageTelemetry.ItemCountTag));
        Assert.Equal(ActivityStatusCode.Unset, query.Status);
    }

    [Fact]
    public async Task V3Request_StorageMeter_RecordsOperationDurations()
    {
        var metrics = new List<MetricSnapshot>();
        var factory = new EcfAppFactory { ConfigureServices = services => services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)) };
        using (factory)
        {
            using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");
            using var response = await client.GetAsync("/api/v3/participants/ecf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush());
        }

        var durations = metrics.Where(m => m.MeterName == StorageTelemetry.Name && m.Name == StorageTelemetry.DurationInstrument).ToList();
        Assert.NotEmpty(durations);
        Assert.All(durations, m => Assert.Equal(("s", MetricType.Histogram), (m.Unit, m.MetricType)));
        var queries = durations.SelectMany(m => m.MetricPoints).Where(p => Tag(p, StorageTelemetry.ContainerTag) == "provider-views" && Tag(p, StorageTelemetry.OperationTag) == "query").ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, p => Assert.True(p.GetHistogramCount() > 0 && p.GetHistogramSum() > 0));
        // ASP.NET Core's own meters are collected too.
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task StartOrchestration_ClientCalledInTheRequestsTraceContext_WithItsCorrelationId()
    {
        Activity? current = null;
        var client = new Mock<DurableTaskClient>("telemetry-test");
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => current = Activity.Current)
            .ReturnsAsync("otel-instance");
        var spans = new List<Activity>();
        var factory = new EcfAppFactory
        {
            ConfigureServices = services =>
            {
                services.Replace(ServiceDescriptor.Singleton(client.Object));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            },
        };
        using (factory)
        {
            using var http = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
            var request = WithCorrelationId(HttpMethod.Post, "/api/orchestrations/Ping", "otel-start");
            request.Content = JsonContent.Create(new { message = "hi" });
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // What Microsoft.DurableTask's client propagates into the orchestration: the current trace context, and with it the id.
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem(CorrelationIdMiddleware.TelemetryName), "otel-start"));
        Assert.NotNull(current);
        Assert.Equal(server.TraceId, current.TraceId);
        Assert.Equal("otel-start", current.GetBaggageItem(CorrelationIdMiddleware.TelemetryName));
    }

    [Fact]
    public async Task NoExporterConfigured_NothingExported_AppInstrumentedAndAnswering()
    {
        List<ServiceDescriptor> registered = [];
        using var factory = new EcfAppFactory { ConfigureServices = services => registered = [.. services] };
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        var (response, console) = await CaptureConsoleAsync(async () =>
        {
            var answer = await client.GetAsync("/api/health");
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
            return answer;
        });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.NotNull(factory.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(ConsoleSpanMarker, console, StringComparison.Ordinal);
        Assert.DoesNotContain(registered, IsAzureMonitor);
    }

    [Fact]
    public void AddEcfTelemetry_ConnectionString_RegistersTheAzureMonitorExporter()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[EcfTelemetry.ConnectionStringKey] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

        builder.AddEcfTelemetry();

        Assert.Contains(builder.Services, IsAzureMonitor);
    }

    [Fact]
    public async Task AddEcfTelemetry_ConsoleTrue_WritesSpansToTheConsole()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[EcfTelemetry.ConsoleKey] = "true";
        builder.AddEcfTelemetry();
        await using var services = builder.Services.BuildServiceProvider();
        var tracing = services.GetRequiredService<TracerProvider>();
        using var source = new ActivitySource(StorageTelemetry.Name);

        var (_, console) = await CaptureConsoleAsync(() =>
        {
            source.StartActivity("console probe")?.Dispose();
            return Task.FromResult(tracing.ForceFlush());
        });

        Assert.Contains(ConsoleSpanMarker, console, StringComparison.Ordinal);
        Assert.Contains("console probe", console, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Services, IsAzureMonitor);
    }

    /// <summary>The first line the console exporter writes for a span.</summary>
    private const string ConsoleSpanMarker = "Activity.TraceId:";

    private static HttpRequestMessage WithCorrelationId(HttpMethod method, string path, string correlationId)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);
        return request;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    /// <summary>What the console shows while <paramref name="action"/> runs (other tests' output may be mixed in).</summary>
    private static async Task<(T Result, string Console)> CaptureConsoleAsync<T>(Func<Task<T>> action)
    {
        var original = Console.Out;
        await using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            var result = await action();
            return (result, captured.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    /// <summary>A registration of the Azure Monitor distro (its exporters and their options).</summary>
    private static bool IsAzureMonitor(ServiceDescriptor descriptor)
    {
        Type?[] types =
        [
            descriptor.ServiceType,
            .. descriptor.ServiceType.GenericTypeArguments,
            descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType,
            (descriptor.IsKeyedService ? descriptor.KeyedImplementationInstance : descriptor.ImplementationInstance)?.GetType(),
        ];
        return types.Any(t => t?.Assembly.GetName().Name?.StartsWith("Azure.Monitor.OpenTelemetry", StringComparison.Ordinal) == true);
    }
}
