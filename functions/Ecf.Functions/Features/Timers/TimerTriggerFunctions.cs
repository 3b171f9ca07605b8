using System.Text.Json.Serialization;
using Ecf.Orchestrations.Timers;

namespace Ecf.Functions.Features.Timers;

/// <summary>
/// The configured timer functions as Azure Functions <c>timerTrigger</c>s of the custom handler, so the Functions host wakes the
/// app at each occurrence (a Consumption plan runs nothing between requests). The host invokes a non-HTTP function as
/// <c>POST /&lt;name&gt;</c> on the handler's own port (never through the public <c>/api</c> routes); the function runs one
/// pass of <see cref="TimerFunctionScheduler"/>, the same pass the in-process timer runs, which starts each due occurrence once
/// across hosts. So a call at any other time starts nothing: the endpoint needs no token and can do no harm.
/// </summary>
public static class TimerTriggerFunctions
{
    public static IEndpointRouteBuilder MapTimerTriggers(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var scheduler = endpoints.ServiceProvider.GetRequiredService<TimerFunctionScheduler>();
        foreach (var function in scheduler.Functions)
        {
            endpoints.MapPost("/" + function.Name, RunAsync)
                .WithName(function.Name)
                .WithMetadata(new TimerTriggerMetadata(function.Schedule.Expression))
                .ExcludeFromDescription()
                .AllowAnonymous();
        }

        return endpoints;
    }

    public static async Task<IResult> RunAsync(TimerFunctionScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var started = await scheduler.RunDueAsync(cancellationToken);
        return Results.Json(new InvocationResponse(new Dictionary<string, object?>(), [.. started.Select(id => $"Started {id}.")], null));
    }
}

/// <summary>Marks an endpoint as a timer function's invocation path; the function table writes a <c>timerTrigger</c> for it.</summary>
public sealed record TimerTriggerMetadata(string Schedule);

/// <summary>The custom handler's invocation response (Azure Functions custom handlers).</summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
