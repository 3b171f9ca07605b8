namespace Ecf.Durable;

/// <summary>
/// A class-based orchestrator. It only coordinates: no I/O, no clock (use <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>),
/// no <c>Guid.NewGuid()</c> (use <see cref="TaskOrchestrationContext.NewGuid"/>), no unbounded loops without ContinueAsNew.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(true);
}
