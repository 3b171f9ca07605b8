namespace Ecf.Durable.Engine;

/// <summary>In-process wake-ups: a host that writes new work wakes its own dispatchers at once instead of waiting for a poll.</summary>
internal sealed class DurableSignals
{
    private int _scanRequested;

    /// <summary>Wakes the orchestration dispatcher (messages posted to <see cref="Inbox"/>, finished episodes, scan requests).</summary>
    public AsyncSignal Orchestrations { get; } = new();

    /// <summary>Messages this process just wrote and can hand to its own dispatcher without a query (they are in the store too).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Shard, MessageDocument Message)> Inbox { get; } = new();

    public void Post(string shard, MessageDocument message)
    {
        Inbox.Enqueue((shard, message));
        Orchestrations.Set();
    }

    /// <summary>Asks the dispatcher to query all shards now (work written that was not posted).</summary>
    public void RequestScan()
    {
        Volatile.Write(ref _scanRequested, 1);
        Orchestrations.Set();
    }

    public bool TakeScanRequest() => Interlocked.Exchange(ref _scanRequested, 0) == 1;

    public AsyncSignal Activities { get; } = new();

    /// <summary>Set whenever an instance reaches a final state (wakes WaitForInstanceCompletion).</summary>
    public AsyncSignal Completions { get; } = new();
}

/// <summary>An auto-reset event with an async, timed wait.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds no unmanaged resource.")]
internal sealed class AsyncSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _semaphore.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
