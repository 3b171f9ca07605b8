namespace Ecf.Durable;

/// <summary>Thrown into an orchestrator when an activity or sub-orchestration failed after its last attempt.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException()
        : this("unknown", -1, new TaskFailureDetails("Unknown", "Unknown failure."))
    {
    }

    public TaskFailedException(string message)
        : base(message)
    {
        TaskName = "unknown";
        TaskId = -1;
        FailureDetails = new TaskFailureDetails("Unknown", message);
    }

    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TaskName = "unknown";
        TaskId = -1;
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails ?? throw new ArgumentNullException(nameof(failureDetails));
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
