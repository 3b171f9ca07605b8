using System.Collections.Concurrent;
using Ecf.Durable.Engine;
using Ecf.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecf.Durable;

/// <summary>
/// A worker that runs orchestrations and activities from the document store. Any number of hosts (processes) can share one store:
/// work is claimed under leases and commits are fenced, so a step never commits twice; a dead host's work is taken over after its
/// lease expires. Start and stop it as an <see cref="IHostedService"/> (registered by <c>AddEcfDurable</c>) or directly.
/// </summary>
public sealed class DurableTaskHost : IHostedService, IAsyncDisposable
{
    private readonly DurableStore _store;
    private readonly DurableSignals _signals;
    private readonly EpisodeProcessor _episodes;
    private readonly ActivityProcessor _activities;
    private readonly LeaseKeeper _leases;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _busyUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _orchestrationSlots;
    private CancellationTokenSource? _stopping;
    private Task[] _loops = [];
    private int _runningEpisodes;

    public DurableTaskHost(IDocumentStore store, DurableTaskRegistry registry, DurableTaskOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null)
        : this(new DurableStore(store, options, timeProvider ?? TimeProvider.System), registry, new DurableSignals(), loggerFactory ?? NullLoggerFactory.Instance, services)
    {
    }

    internal DurableTaskHost(DurableStore store, DurableTaskRegistry registry, DurableSignals signals, ILoggerFactory loggerFactory, IServiceProvider? services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _store = store;
        _signals = signals;
        HostId = store.Options.HostId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        _logger = loggerFactory.CreateLogger<DurableTaskHost>();
        _leases = new LeaseKeeper(store, _logger);
        var provider = services ?? EmptyServiceProvider.Instance;
        _episodes = new EpisodeProcessor(store, registry, provider, loggerFactory, signals, _leases, HostId);
        _activities = new ActivityProcessor(store, registry, provider, loggerFactory, signals, _leases, HostId);
        _orchestrationSlots = new SemaphoreSlim(store.Options.MaxConcurrentOrchestrations);
        Client = new StoreDurableTaskClient(store, registry, signals);
    }

    public string HostId { get; }

    /// <summary>A client over the same store that wakes this host at once when it writes work.</summary>
    public DurableTaskClient Client { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            return;
        }

        await _store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        _loops =
        [
            Task.Run(() => OrchestrationLoopAsync(token), CancellationToken.None),
            Task.Run(() => ActivityLoopAsync(token), CancellationToken.None),
            Task.Run(() => _activities.RunCompletionWriterAsync(token), CancellationToken.None),
            Task.Run(() => _leases.RunAsync(token), CancellationToken.None),
        ];
        _logger.LogInformation("Durable task host {HostId} started.", HostId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _activities.Complete();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
            while (Volatile.Read(ref _runningEpisodes) > 0 && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stop deadline reached; leases of unfinished work expire and another host takes it over.
        }

        _logger.LogInformation("Durable task host {HostId} stopped.", HostId);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await StopAsync(timeout.Token).ConfigureAwait(false);
        _stopping?.Dispose();
        _orchestrationSlots.Dispose();
    }

    private async Task OrchestrationLoopAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(5);
        var shardOffset = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = 0;
            try
            {
                for (var s = 0; s < _store.Options.ShardCount && !cancellationToken.IsCancellationRequested; s++)
                {
                    var shard = InstanceIds.ShardKey((s + shardOffset) % _store.Options.ShardCount);
                    started += await DispatchShardAsync(shard, cancellationToken).ConfigureAwait(false);
                }

                shardOffset++;
            }
            catch (DocumentStoreException ex)
            {
                _logger.LogWarning(ex, "Orchestration dispatch failed; retrying.");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            idle = started > 0 ? TimeSpan.FromMilliseconds(5) : Min(idle * 2, _store.Options.MaxPollInterval);
            await _signals.Orchestrations.WaitAsync(idle, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> DispatchShardAsync(string shard, CancellationToken cancellationToken)
    {
        var now = _store.NowMs;
        var messages = await _store.QueryVisibleMessagesAsync(shard, now, _store.Options.MaxMessagesPerEpisode * 2, cancellationToken).ConfigureAwait(false);
        var started = 0;
        foreach (var group in messages.GroupBy(m => m.Message.Target, StringComparer.Ordinal))
        {
            var instanceId = group.Key;
            if (_busyUntil.TryGetValue(instanceId, out var busy) && busy > now)
            {
                continue;
            }

            if (!_inFlight.TryAdd(instanceId, 0))
            {
                continue;
            }

            await _orchestrationSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var batch = group.Select(m => m.Message).Take(_store.Options.MaxMessagesPerEpisode).ToList();
            Interlocked.Increment(ref _runningEpisodes);
            started++;
            _ = Task.Run(async () =>
            {
                try
                {
                    var busyUntil = await _episodes.RunAsync(shard, instanceId, batch, cancellationToken).ConfigureAwait(false);
                    if (busyUntil is { } until)
                    {
                        _busyUntil[instanceId] = until;
                    }
                    else
                    {
                        _busyUntil.TryRemove(instanceId, out _);
                        _signals.Orchestrations.Set();
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or DocumentStoreException)
                {
                    _logger.LogDebug(ex, "Episode of {InstanceId} stopped.", instanceId);
                }
                finally
                {
                    _inFlight.TryRemove(instanceId, out _);
                    _orchestrationSlots.Release();
                    Interlocked.Decrement(ref _runningEpisodes);
                }
            }, CancellationToken.None);
        }

        return started;
    }

    private async Task ActivityLoopAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(5);
        var shardOffset = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = 0;
            try
            {
                for (var s = 0; s < _store.Options.ShardCount && !cancellationToken.IsCancellationRequested; s++)
                {
                    var free = _activities.FreeSlots;
                    if (free <= 0)
                    {
                        break;
                    }

                    var shard = InstanceIds.ShardKey((s + shardOffset) % _store.Options.ShardCount);
                    started += await _activities.ClaimAndStartAsync(shard, free, cancellationToken).ConfigureAwait(false);
                }

                shardOffset++;
            }
            catch (DocumentStoreException ex)
            {
                _logger.LogWarning(ex, "Activity dispatch failed; retrying.");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            idle = started > 0 ? TimeSpan.FromMilliseconds(5) : Min(idle * 2, _store.Options.MaxPollInterval);
            await _signals.Activities.WaitAsync(idle, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
