using System.Diagnostics;

namespace Ecf.Functions.Errors;

/// <summary>
/// Every request has a correlation id: the caller's <c>X-Correlation-Id</c> when it is sane (1-64 characters of letters,
/// digits and <c>-_.:</c>), else a new one. It is echoed on every response, logged with every entry of the request, and
/// is the only thing a 500 tells the caller. It also tags the request's span and goes with it as baggage, so every span started
/// under the request (store calls, outgoing calls, the scheduling of an orchestration) carries it too (<see cref="TelemetryName"/>).
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The span tag and baggage key.</summary>
    public const string TelemetryName = "ecf.correlation_id";

    private const int MaxLength = 64;

    private static readonly object ItemKey = new();

    public static string Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : context.TraceIdentifier;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = context.Request.Headers[HeaderName].ToString();
        var id = IsSane(presented) ? presented : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.TraceIdentifier = id;
        if (Activity.Current is { } activity)
        {
            activity.SetTag(TelemetryName, id);
            activity.SetBaggage(TelemetryName, id);
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    public static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
