using Ecf.Application.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Ecf.Functions.Errors;

/// <summary>
/// The one mapper from <see cref="ApiError"/> to HTTP. Routes under <c>/api/v3/</c> get ECF's JSON:API error body
/// <c>{"errors":[{"title","detail"}]}</c> (403 with no body, as ECF's <c>head :forbidden</c>); every other route gets
/// ProblemDetails carrying the stable error code.
/// </summary>
public static class ApiErrorResults
{
    public static bool IsLeadProviderApi(PathString path) => path.StartsWithSegments(Api.V3.LeadProviderApi.Prefix, StringComparison.OrdinalIgnoreCase);

    public static int StatusCodeFor(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ApiErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        ApiErrorKind.NotFound => StatusCodes.Status404NotFound,
        ApiErrorKind.Conflict => StatusCodes.Status409Conflict,
        ApiErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ApiErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ApiErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ApiErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult ToHttpResult(HttpContext context, ApiError error) => ToHttpResult(context, [error]);

    /// <summary>The status comes from the first error; every error is listed.</summary>
    public static IResult ToHttpResult(HttpContext context, IReadOnlyList<ApiError> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("No errors to map.", nameof(errors));
        }

        var first = errors[0];
        var status = StatusCodeFor(first.Kind);
        if (IsLeadProviderApi(context.Request.Path))
        {
            if (first.Kind == ApiErrorKind.Forbidden)
            {
                return Results.StatusCode(status);
            }

            var body = new JsonApiErrors([.. errors.Select(e => new JsonApiError(e.Title, e.Detail))]);
            return Results.Json(body, statusCode: status);
        }

        var problem = new ProblemDetails
        {
            Status = status,
            Title = first.Title,
            Detail = first.Detail,
        };
        problem.Extensions["code"] = first.Code;
        if (errors.Count > 1)
        {
            problem.Extensions["errors"] = errors.Select(e => new { e.Code, e.Title, e.Detail }).ToList();
        }

        return Results.Problem(problem);
    }

    public static Task WriteAsync(HttpContext context, ApiError error) => ToHttpResult(context, error).ExecuteAsync(context);

    /// <summary>ECF's error body. Property names are fixed by the API.</summary>
    public sealed record JsonApiErrors(
        [property: System.Text.Json.Serialization.JsonPropertyName("errors")] IReadOnlyList<JsonApiError> Errors);

    public sealed record JsonApiError(
        [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
        [property: System.Text.Json.Serialization.JsonPropertyName("detail")] string Detail);
}
