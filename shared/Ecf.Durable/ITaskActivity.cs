namespace Ecf.Durable;

/// <summary>An activity as the runtime sees it: untyped input and output.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}
