using System.Globalization;
using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecf.LocalRuntime;

/// <summary>
/// The durable task hub of a local host: the in-process test host's gRPC sidecar (<see cref="TaskHubGrpcServer"/>) on Kestrel,
/// HTTP/2 on a loopback port, over DurableTask.AzureStorage's orchestration service (Azurite locally). The Microsoft.DurableTask
/// worker and client of the same process connect to it through <see cref="Channel"/>; the sidecar dispatches orchestration and
/// activity work items from the storage queues to the worker and writes their results back, so the state survives the process.
/// </summary>
/// <remarks>
/// Registered as a hosted service before the worker and the client (<see cref="LocalDurableServiceCollectionExtensions"/>):
/// it listens before the worker connects, and stops after the worker has gone. Its own host has no configuration sources,
/// so the application's URLs and settings do not leak into it.
/// </remarks>
public sealed partial class LocalTaskHub : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan BackendStopTimeout = TimeSpan.FromSeconds(10);

    private readonly LocalDurableOptions _options;
    private readonly AzuriteHost _azurite;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private WebApplication? _sidecar;
    private GuardedOrchestrationService? _service;

    public LocalTaskHub(IOptions<LocalDurableOptions> options, AzuriteHost azurite, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _azurite = azurite;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        var problems = _options.Problems();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(LocalDurableOptions.SectionName, typeof(LocalDurableOptions), problems);
        }

        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<LocalTaskHub>();
        Port = _options.Port != 0 ? _options.Port : LoopbackPorts.Free(1)[0];
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"));
        Channel = GrpcChannel.ForAddress(Address);
    }

    /// <summary>The sidecar's loopback port (chosen when the hub is created, so the worker and client know it before start).</summary>
    public int Port { get; }

    public Uri Address { get; }

    /// <summary>The channel the worker and the client use (HTTP/2 without TLS, loopback only).</summary>
    public GrpcChannel Channel { get; }

    public string TaskHubName => _options.TaskHubName;

    /// <summary>Creates the task hub's queues, tables and containers if missing, then starts the sidecar listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            throw new InvalidOperationException("The local task hub is already started.");
        }

        IOrchestrationServiceClient client;
        if (_options.Backend == LocalDurableBackend.InMemory)
        {
            var memory = new InMemoryOrchestrationService(_loggerFactory);
            _service = new GuardedOrchestrationService(memory);
            client = new NonRunningReplaceableClient<InMemoryOrchestrationService>(memory);
        }
        else
        {
            // Started here too, so the hub works whether or not Azurite was registered as a hosted service of its own.
            await _azurite.StartAsync(cancellationToken).ConfigureAwait(false);
            var storage = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                StorageAccountClientProvider = new StorageAccountClientProvider(
                    _options.Backend == LocalDurableBackend.Azurite ? _azurite.ConnectionString : _options.StorageConnectionString),
                TaskHubName = _options.TaskHubName,
                ControlQueueVisibilityTimeout = _options.VisibilityTimeout,
                WorkItemQueueVisibilityTimeout = _options.VisibilityTimeout,
                MaxQueuePollingInterval = _options.MaxPollingInterval,
                // A start refused by its dedupe statuses (NonRunningReplaceableClient) throws, so the caller learns of it.
                ThrowExceptionOnInvalidDedupeStatus = true,
                LoggerFactory = _loggerFactory,
            });
            await storage.CreateIfNotExistsAsync().ConfigureAwait(false);
            _service = new GuardedOrchestrationService(storage);
            client = new NonRunningReplaceableClient<AzureStorageOrchestrationService>(storage);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalTaskHub).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        // The hub logs its own start line; the sidecar host's "Now listening" and "Application started" would read as the app's.
        builder.WebHost.SuppressStatusMessages(true);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();

        // Created now so it hooks the sidecar host's lifetime before the start: it starts its dispatchers once the worker connects.
        _ = sidecar.Services.GetRequiredService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken).ConfigureAwait(false);
        _sidecar = sidecar;
        LogStarted(_options.TaskHubName, Address);
    }

    /// <summary>
    /// Stops the sidecar (the worker has stopped first), then waits for the dispatchers to stop the backend, which releases its
    /// partition leases so the next host takes them at once; a backend that has not stopped within 10 seconds is stopped here.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is null || _service is null)
        {
            return;
        }

        await _service.CloseAsync().ConfigureAwait(false);
        await _sidecar.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _service.Stopped.WaitAsync(BackendStopTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogBackendStopTimedOut(BackendStopTimeout.TotalSeconds);
            await _service.StopAsync(isForced: true).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync().ConfigureAwait(false);
            _sidecar = null;
        }

        _service?.Dispose();
        Channel.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local durable task hub {TaskHub} listening at {Address}")]
    private partial void LogStarted(string taskHub, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The durable backend did not stop within {Seconds} s of the sidecar; stopping it now")]
    private partial void LogBackendStopTimedOut(double seconds);
}
