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

    /// <summary>
    /// As <see cref="ToHttpResult{T}(Result{T}, HttpContext, Func{T, IResult})"/>, except that validation failures get a 422 with the
    /// JSON:API error body (one error per field) outside <c>/api/v3</c> too: the school service's write APIs answer like the v3 ones.
    /// </summary>
    public static IResult ToHttpResultWithFieldErrors<T>(this Result<T> result, HttpContext context, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess && result.Errors.All(e => e.Kind == ApiErrorKind.Validation))
        {
            var body = new ApiErrorResults.JsonApiErrors([.. result.Errors.Select(e => new ApiErrorResults.JsonApiError(e.Title, e.Detail))]);
            return Results.Json(body, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return result.ToHttpResult(context, onSuccess);
    }

    public static IResult ToHttpResult(this Result result, HttpContext context, Func<IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess() : ApiErrorResults.ToHttpResult(context, result.Errors);
    }
}
