namespace Ecf.Durable;

/// <summary>Thrown when starting an instance id that is already pending or running.</summary>
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
}
