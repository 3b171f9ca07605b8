using Ecf.Application.Errors;
using Ecf.Functions.Hosting;

namespace Ecf.Functions.Errors;

/// <summary>Refuses a declared body over <see cref="ApiLimits.MaxRequestBodyBytes"/> before anything reads it (Kestrel catches undeclared ones).</summary>
public sealed class RequestSizeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.ContentLength > ApiLimits.MaxRequestBodyBytes
            ? ApiErrorResults.WriteAsync(context, ApiError.PayloadTooLarge(ApiLimits.MaxRequestBodyBytes))
            : next(context);
    }
}
