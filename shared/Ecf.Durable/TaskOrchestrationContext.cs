using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecf.Durable;

/// <summary>
/// What an orchestrator uses to coordinate work: the same members and meaning as Microsoft.DurableTask's context, so an
/// orchestrator written here ports by changing usings. Everything it returns comes from history when replaying.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's name.</summary>
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The parent orchestration when this one runs as a sub-orchestration.</summary>
    public abstract ParentOrchestrationInstance? Parent { get; }

    /// <summary>The time of the current step, from history (the same value on every replay), never the wall clock.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator re-executes steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The factory behind <see cref="CreateReplaySafeLogger(string)"/>.</summary>
    protected virtual ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public abstract T? GetInput<T>();

    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    public virtual Task CallActivityAsync(TaskName name, TaskOptions options) => CallActivityAsync(name, null, options);

    public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) => CallActivityAsync<TResult>(name, null, options);

    /// <summary>Schedules an activity and returns its result; throws <see cref="TaskFailedException"/> after its last attempt fails.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer that completes at <paramref name="fireAt"/> (UTC).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised with <see cref="DurableTaskClient.RaiseEventAsync(string, string, object?, CancellationToken)"/> (names are case-insensitive).</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event for at most <paramref name="timeout"/>; throws <see cref="TaskCanceledException"/> when it does not come.</summary>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource();
        var timer = CreateTimer(timeout, cancel.Token);
        var waiting = WaitForExternalEvent<T>(eventName, cancel.Token);
        var winner = await Task.WhenAny(waiting, timer).ConfigureAwait(true);
        // Cancel synchronously: CancelAsync would resume on the thread pool, outside the orchestration's replay thread.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        if (winner == waiting)
        {
            return await waiting.ConfigureAwait(true);
        }

        throw new TaskCanceledException($"No '{eventName}' event arrived within {timeout}.");
    }

    /// <summary>Sends an event to another orchestration instance (fire and forget).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    /// <summary>Progress shown in the instance's status (serialised as JSON; keep it small).</summary>
    public abstract void SetCustomStatus(object? customStatus);

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    public virtual Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync<TResult>(orchestratorName, null, options);

    /// <summary>Starts a sub-orchestration and returns its output; pass <see cref="SubOrchestrationOptions"/> to choose its instance id.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>
    /// Restarts the orchestration with a new input and empty history once the orchestrator returns (bounds history of eternal
    /// orchestrations). Events received but not yet consumed are carried over when <paramref name="preserveUnprocessedEvents"/>.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay (name-based, from the instance id, the current time and a counter).</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    public virtual ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    public virtual ILogger CreateReplaySafeLogger(Type type) => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(type));

    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));
}
