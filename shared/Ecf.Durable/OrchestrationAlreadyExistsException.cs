namespace Ecf.Durable;

/// <summary>
/// Thrown when starting an instance id that is already pending or running, or that belongs to an instance of another orchestration
/// (finished or not: <see cref="ExistingOrchestration"/> is then set).
/// </summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    public OrchestrationAlreadyExistsException()
    {
    }

    public OrchestrationAlreadyExistsException(string message)
        : base(message)
    {
    }

    public OrchestrationAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? InstanceId { get; init; }

    /// <summary>The other orchestration the instance id belongs to; null when it is the same orchestration, still pending or running.</summary>
    public string? ExistingOrchestration { get; init; }
}
