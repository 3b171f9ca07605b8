namespace Ecf.Durable;

/// <summary>A class-based activity. Activities run at least once, so they must be idempotent.</summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    Type ITaskActivity.OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
}
