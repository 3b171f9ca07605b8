using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecf.LocalRuntime;

/// <summary>
/// Starts Azurite with the local host when <see cref="LocalDurableOptions.Backend"/> is <see cref="LocalDurableBackend.Azurite"/>
/// (installing the pinned npm tools of <c>infra/local</c> first if they are missing) and stops it with the host. Registered
/// before every service that uses the storage account, so it is listening when they start and stops after them.
/// </summary>
public sealed partial class AzuriteHost(IOptions<LocalDurableOptions> options, ILogger<AzuriteHost> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? _process;

    /// <summary>The connection string of the running Azurite; throws before start.</summary>
    public string ConnectionString => _process?.ConnectionString ?? throw new InvalidOperationException("Azurite has not been started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var azurite = options.Value.Azurite;
        if (options.Value.Backend != LocalDurableBackend.Azurite || _process is not null)
        {
            return;
        }

        var executable = await RepositoryFiles.EnsureAzuriteInstalledAsync(cancellationToken).ConfigureAwait(false);
        var root = RepositoryFiles.FindRoot() ?? Directory.GetCurrentDirectory();
        var data = Path.GetFullPath(azurite.DataDirectory, root);
        var free = LoopbackPorts.Free(3);
        var ports = new AzuritePorts(
            azurite.BlobPort == 0 ? free[0] : azurite.BlobPort,
            azurite.QueuePort == 0 ? free[1] : azurite.QueuePort,
            azurite.TablePort == 0 ? free[2] : azurite.TablePort);
        _process = await AzuriteProcess.StartAsync(data, ports, executable, cancellationToken).ConfigureAwait(false);
        LogStarted(ports.Blob, ports.Queue, ports.Table, data);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite listening on 127.0.0.1 (blob {Blob}, queue {Queue}, table {Table}), data in {Data}")]
    private partial void LogStarted(int blob, int queue, int table, string data);
}
