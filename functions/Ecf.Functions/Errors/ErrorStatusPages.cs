using Ecf.Application.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Errors;

/// <summary>
/// A body in the route's error shape (<see cref="ApiErrorResults"/>) for the error statuses the framework answers without one: no
/// route (404), a route without this method (405), a body too large or not JSON (413, 415), and a Host header that is not
/// allowed (400, from host filtering). A v3 403 stays bodiless, as ECF's.
/// </summary>
public static class ErrorStatusPages
{
    public const string JsonRequired = "The request body must be JSON (Content-Type: application/json).";

    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ErrorFor(context.HttpContext) is { } error ? ApiErrorResults.WriteAsync(context.HttpContext, error) : Task.CompletedTask;
    }

    public static ApiError? ErrorFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => IsHostRefused(context) ? ApiError.HostNotAllowed(request.Host.Value ?? "") : ApiError.RequestUnreadable(),
            StatusCodes.Status404NotFound => ApiError.RouteNotFound(),
            StatusCodes.Status405MethodNotAllowed => ApiError.MethodNotAllowed(request.Method, request.Path.Value ?? "/"),
            StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge(Hosting.ApiLimits.MaxRequestBodyBytes),
            StatusCodes.Status415UnsupportedMediaType => ApiError.UnsupportedMediaType(JsonRequired),
            _ => null,
        };
    }

    /// <summary>Whether host filtering refused the request: its Host matches none of <c>AllowedHosts</c>.</summary>
    private static bool IsHostRefused(HttpContext context)
    {
        var allowed = context.RequestServices.GetRequiredService<IOptionsMonitor<HostFilteringOptions>>().CurrentValue.AllowedHosts;
        if (allowed.Count == 0 || allowed.Contains("*"))
        {
            return false;
        }

        var host = context.Request.Host;
        return host.HasValue && !HostString.MatchesAny(host.Value, [.. allowed.Select(a => new Microsoft.Extensions.Primitives.StringSegment(a))]);
    }
}
