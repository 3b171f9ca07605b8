namespace Ecf.Durable;

/// <summary>What went wrong in an activity, sub-orchestration or orchestration: the exception type, message, stack and inner failure.</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>True when the failure was caused by an exception of type <typeparamref name="T"/> (or a subclass).</summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        var candidate = Type.GetType(ErrorType, throwOnError: false);
        return candidate is not null ? typeof(T).IsAssignableFrom(candidate) : string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal);
    }

    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException failed)
        {
            return new TaskFailureDetails(exception.GetType().FullName ?? "TaskFailedException", exception.Message, exception.StackTrace, failed.FailureDetails);
        }

        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is { } inner ? FromException(inner) : null);
    }

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
