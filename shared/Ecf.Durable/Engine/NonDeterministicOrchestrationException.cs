namespace Ecf.Durable.Engine;

/// <summary>The orchestrator asked for something other than what its history recorded (code changed under a running instance, or non-deterministic code).</summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException()
    {
    }

    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
