using Ecf.Application.Errors;

namespace Ecf.Functions.Errors;

/// <summary>Endpoints map an application <see cref="Result{T}"/> to HTTP through these, so every failure goes through <see cref="ApiErrorResults"/>.</summary>
public static class ResultHttpExtensions
{
    public static IResult ToHttpResult<T>(this Result<T> result, HttpContext context, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : ApiErrorResults.ToHttpResult(context, result.Errors);
    }

    public static IResult ToHttpResult(this Result result, HttpContext context, Func<IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess() : ApiErrorResults.ToHttpResult(context, result.Errors);
    }
}
