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
    private readonly Dictionary<string, Mailbox> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inFlightMessages = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _orchestrationSlots;
    private CancellationTokenSource? _stopping;
    private Task[] _loops = [];
    private int _runningEpisodes;
    private int _disposed;

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
        _activities = new ActivityProcessor(store, registry, provider, loggerFactory, signals, _leases, HostId);
        _episodes = new EpisodeProcessor(store, registry, provider, loggerFactory, signals, _leases, _activities, HostId);
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
        var stopping = Interlocked.Exchange(ref _stopping, null);
        if (stopping is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
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

        stopping.Dispose();
        _logger.LogInformation("Durable task host {HostId} stopped.", HostId);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await StopAsync(timeout.Token).ConfigureAwait(false);
        _orchestrationSlots.Dispose();
    }

    private async Task OrchestrationLoopAsync(CancellationToken cancellationToken)
    {
        var minScan = _store.Options.MinPollInterval;
        var scanInterval = minScan;
        var lastScan = long.MinValue;
        var shardOffset = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                while (_signals.Inbox.TryDequeue(out var posted))
                {
                    AddPending(posted.Shard, posted.Message);
                }

                var nowTicks = _store.Time.GetTimestamp();
                if (_signals.TakeScanRequest() || _store.Time.GetElapsedTime(lastScan == long.MinValue ? 0 : lastScan, nowTicks) >= scanInterval || lastScan == long.MinValue)
                {
                    var found = 0;
                    for (var s = 0; s < _store.Options.ShardCount && !cancellationToken.IsCancellationRequested; s++)
                    {
                        var shard = InstanceIds.ShardKey((s + shardOffset) % _store.Options.ShardCount);
                        var messages = await _store.QueryVisibleMessagesAsync(shard, _store.NowMs, _store.Options.MaxMessagesPerEpisode, cancellationToken).ConfigureAwait(false);
                        foreach (var (message, _) in messages)
                        {
                            found += AddPending(shard, message) ? 1 : 0;
                        }
                    }

                    shardOffset++;
                    lastScan = _store.Time.GetTimestamp();
                    scanInterval = found > 0 ? minScan : Min(scanInterval * 2, _store.Options.MaxPollInterval);
                }

                await StartEpisodesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DocumentStoreException ex)
            {
                _logger.LogWarning(ex, "Orchestration dispatch failed; retrying.");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await _signals.Orchestrations.WaitAsync(scanInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a message to its instance's in-memory mailbox; true when it was not there yet.</summary>
    private bool AddPending(string shard, MessageDocument message)
    {
        if (_episodes.WasConsumed(message.Id) || _inFlightMessages.ContainsKey(message.Id))
        {
            return false;
        }

        lock (_pending)
        {
            if (!_pending.TryGetValue(message.Target, out var mailbox))
            {
                _pending[message.Target] = mailbox = new Mailbox(shard);
            }

            return mailbox.Messages.TryAdd(message.Id, message);
        }
    }

    private async Task StartEpisodesAsync(CancellationToken cancellationToken)
    {
        List<string> ready;
        var now = _store.NowMs;
        lock (_pending)
        {
            ready = [.. _pending.Keys.Where(id => !_inFlight.ContainsKey(id) && !(_busyUntil.TryGetValue(id, out var busy) && busy > now))];
        }

        foreach (var instanceId in ready)
        {
            if (!await _orchestrationSlots.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            List<MessageDocument> batch;
            string shard;
            lock (_pending)
            {
                if (!_pending.TryGetValue(instanceId, out var mailbox) || !_inFlight.TryAdd(instanceId, 0))
                {
                    _orchestrationSlots.Release();
                    continue;
                }

                shard = mailbox.Shard;
                batch = [.. mailbox.Messages.Values.OrderBy(m => m.VisibleAt).ThenBy(m => m.Id, StringComparer.Ordinal).Take(_store.Options.MaxMessagesPerEpisode)];
                foreach (var message in batch)
                {
                    mailbox.Messages.Remove(message.Id);
                    _inFlightMessages[message.Id] = 0;
                }

                if (mailbox.Messages.Count == 0)
                {
                    _pending.Remove(instanceId);
                }
            }

            Interlocked.Increment(ref _runningEpisodes);
            _ = Task.Run(() => RunEpisodeAsync(shard, instanceId, batch, cancellationToken), CancellationToken.None);
        }
    }

    private async Task RunEpisodeAsync(string shard, string instanceId, List<MessageDocument> batch, CancellationToken cancellationToken)
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
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or DocumentStoreException)
        {
            _logger.LogDebug(ex, "Episode of {InstanceId} stopped.", instanceId);
        }
        finally
        {
            foreach (var message in batch)
            {
                _inFlightMessages.TryRemove(message.Id, out _);
            }

            _inFlight.TryRemove(instanceId, out _);
            _orchestrationSlots.Release();
            Interlocked.Decrement(ref _runningEpisodes);
            _signals.Orchestrations.Set();
        }
    }

    private async Task ActivityLoopAsync(CancellationToken cancellationToken)
    {
        var idle = _store.Options.MinPollInterval;
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

            idle = started > 0 ? _store.Options.MinPollInterval : Min(idle * 2, _store.Options.MaxPollInterval);
            await _signals.Activities.WaitAsync(idle, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Mailbox(string shard)
    {
        public string Shard { get; } = shard;

        public Dictionary<string, MessageDocument> Messages { get; } = new(StringComparer.Ordinal);
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
