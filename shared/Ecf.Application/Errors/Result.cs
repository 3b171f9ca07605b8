using System.Diagnostics.CodeAnalysis;

namespace Ecf.Application.Errors;

/// <summary>The outcome of an operation with no value: success, or one or more <see cref="ApiError"/>s.</summary>
public sealed class Result
{
    private Result(IReadOnlyList<ApiError> errors) => Errors = errors;

    public static Result Success { get; } = new([]);

    public IReadOnlyList<ApiError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result Failure(ApiError error) => new([error]);

    public static Result Failure(IReadOnlyList<ApiError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new Result(errors);
    }

    public static implicit operator Result(ApiError error) => Failure(error);

    public static Result FromApiError(ApiError error) => Failure(error);
}

/// <summary>The outcome of an operation: a value, or one or more <see cref="ApiError"/>s.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Success/Failure factories are the point of a result type.")]
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<ApiError> errors) => Errors = errors;

    public IReadOnlyList<ApiError> Errors { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>The first error, or null on success.</summary>
    public ApiError? Error => Errors.Count == 0 ? null : Errors[0];

    /// <summary>The value; throws if the result is a failure (check <see cref="IsSuccess"/> first).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The result is a failure: {Errors[0].Code} {Errors[0].Detail}");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(ApiError error) => new([error]);

    public static Result<T> Failure(IReadOnlyList<ApiError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new Result<T>(errors);
    }

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(ApiError error) => Failure(error);

    public static Result<T> FromValue(T value) => Success(value);

    public static Result<T> FromApiError(ApiError error) => Failure(error);

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    public TOut Match<TOut>(Func<T, TOut> onSuccess, Func<IReadOnlyList<ApiError>, TOut> onFailure)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        return IsSuccess ? onSuccess(_value!) : onFailure(Errors);
    }
}
