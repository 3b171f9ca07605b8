namespace Ecf.Durable.Engine;

/// <summary>
/// Runs an orchestrator's continuations one at a time on the replaying thread, in the order they were queued, so replay is
/// deterministic: nothing of the orchestrator runs on the thread pool.
/// </summary>
internal sealed class OrchestrationScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();
    private readonly Lock _lock = new();

    public override int MaximumConcurrencyLevel => 1;

    public void RunUntilIdle()
    {
        while (true)
        {
            Task? next;
            lock (_lock)
            {
                if (!_queue.TryDequeue(out next))
                {
                    return;
                }
            }

            TryExecuteTask(next);
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (_lock)
        {
            _queue.Enqueue(task);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock)
        {
            return [.. _queue];
        }
    }
}
