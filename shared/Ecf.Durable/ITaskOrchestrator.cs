namespace Ecf.Durable;

/// <summary>An orchestrator as the runtime sees it: untyped input and output.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
