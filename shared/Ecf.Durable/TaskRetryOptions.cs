namespace Ecf.Durable;

/// <summary>The retry part of <see cref="TaskOptions"/>: a declarative <see cref="RetryPolicy"/>.</summary>
public sealed class TaskRetryOptions
{
    public TaskRetryOptions(RetryPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    public RetryPolicy Policy { get; }

    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
