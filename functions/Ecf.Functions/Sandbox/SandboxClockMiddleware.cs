using Ecf.Application.Errors;
using Ecf.Functions.Errors;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Sandbox;

/// <summary>
/// With <see cref="SandboxOptions.Enabled"/>, honours <c>X-With-Server-Date: &lt;RFC3339&gt;</c>: "now" is that instant for
/// the rest of the request. A value that does not parse, or a day outside <see cref="Earliest"/>..<see cref="Latest"/> (the rules
/// count years back and forward from "now", which the ends of the calendar cannot take), is a 400. With sandbox off the header is ignored.
/// </summary>
public sealed class SandboxClockMiddleware(RequestDelegate next, IOptions<SandboxOptions> options, SandboxTimeProvider clock)
{
    public const string HeaderName = "X-With-Server-Date";

    private const int MaxEchoedLength = 64;

    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2999, 12, 31);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.Enabled || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var raw = values.ToString();
        var echoed = raw.Length > MaxEchoedLength ? raw[..MaxEchoedLength] + "…" : raw;
        if (!Rfc3339.TryParse(raw, out var now))
        {
            await ApiErrorResults.WriteAsync(context, ApiError.InvalidServerDate(echoed));
            return;
        }

        if (DateOnly.FromDateTime(now.UtcDateTime) is var day && (day < Earliest || day > Latest))
        {
            await ApiErrorResults.WriteAsync(context, ApiError.ServerDateOutOfRange(echoed, Earliest, Latest));
            return;
        }

        using (clock.Override(now))
        {
            await next(context);
        }
    }
}
