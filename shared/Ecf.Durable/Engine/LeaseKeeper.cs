using Ecf.Storage;
using Microsoft.Extensions.Logging;

namespace Ecf.Durable.Engine;

/// <summary>A lease this host holds (an episode's lease document or a claimed activity work item), renewed until released.</summary>
internal sealed class HeldLease
{
    private readonly Func<long, byte[]> _renewedBody;

    public HeldLease(string partition, string id, string etag, Func<long, byte[]> renewedBody)
    {
        Partition = partition;
        Id = id;
        ETag = etag;
        _renewedBody = renewedBody;
    }

    public string Partition { get; }

    public string Id { get; }

    public Lock Gate { get; } = new();

    public string ETag { get; set; }

    public bool Released { get; set; }

    public byte[] Body(long leaseUntil) => _renewedBody(leaseUntil);
}

/// <summary>Renews the leases this host holds every third of the lease duration, so long work is not taken over while alive.</summary>
internal sealed class LeaseKeeper
{
    private readonly DurableStore _store;
    private readonly ILogger _logger;
    private readonly Dictionary<HeldLease, byte> _held = [];
    private readonly Lock _lock = new();

    public LeaseKeeper(DurableStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
    }

    public void Track(HeldLease lease)
    {
        lock (_lock)
        {
            _held[lease] = 0;
        }
    }

    public void Untrack(HeldLease lease)
    {
        lock (_lock)
        {
            _held.Remove(lease);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var period = _store.Options.LeaseDuration / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, _store.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            HeldLease[] leases;
            lock (_lock)
            {
                leases = [.. _held.Keys];
            }

            foreach (var lease in leases)
            {
                try
                {
                    await RenewAsync(lease, cancellationToken).ConfigureAwait(false);
                }
                catch (DocumentStoreException ex)
                {
                    _logger.LogDebug(ex, "Lease {Id} in {Partition} could not be renewed.", lease.Id, lease.Partition);
                    Untrack(lease);
                }
            }
        }
    }

    private async Task RenewAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        string etag;
        lock (lease.Gate)
        {
            if (lease.Released)
            {
                return;
            }

            etag = lease.ETag;
        }

        var until = _store.NowMs + (long)_store.Options.LeaseDuration.TotalMilliseconds;
        var stored = await _store.Container.ReplaceAsync(lease.Partition, lease.Id, lease.Body(until), etag, cancellationToken).ConfigureAwait(false);
        lock (lease.Gate)
        {
            if (string.Equals(lease.ETag, etag, StringComparison.Ordinal))
            {
                lease.ETag = stored.ETag;
            }
        }
    }
}
