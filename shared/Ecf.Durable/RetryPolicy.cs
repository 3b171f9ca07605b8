namespace Ecf.Durable;

/// <summary>
/// How often and how fast a failed activity or sub-orchestration is retried. The delays are durable timers, so retries survive a
/// restart and replay deterministically (as Microsoft.DurableTask).
/// </summary>
public sealed class RetryPolicy
{
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        if (maxRetryInterval is { } max && max < firstRetryInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetryInterval), "The maximum retry interval must be at least the first retry interval.");
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides whether a failure is retried at all; by default every failure is.</summary>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = static _ => true;

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan GetRetryDelay(int attempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, attempt - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
