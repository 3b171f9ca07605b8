using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// <c>POST /api/orchestrations/{name}?instanceId=</c>: starts an orchestration with the JSON body as its input (no body: no
/// input). 202 with <c>Location</c> of the status resource and a check-status body. Only orchestrations in
/// <see cref="EcfOrchestrations.StartableOverHttp"/> can be started (404 otherwise), with an input of the shape each declares
/// (400 naming the field otherwise). A caller-chosen id that belongs to an instance of another orchestration is refused (409,
/// ecf.4401), as is one of the same orchestration still pending or running (409, ecf.4402); a finished instance of the same
/// orchestration with that id is replaced. Every check runs before anything is started.
/// </summary>
public static class StartOrchestrationFunction
{
    public const string Name = "OrchestrationStart";

    public static RouteHandlerBuilder MapStartOrchestration(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Routes.Start, HandleAsync)
            .WithName(Name)
            .WithTags(OrchestrationsFeature.Tag)
            .WithSummary("Starts an orchestration; the body (JSON, optional) is its input. Poll the Location for its status.")
            .RequireAuthorization(EcfPolicies.Orchestrations)
            .Accepts<JsonElement>(isOptional: true, "application/json")
            .Produces<CheckStatusResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> HandleAsync(string name, string? instanceId, HttpContext context, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var orchestration = EcfOrchestrations.StartableOverHttp.Keys.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (orchestration is null)
        {
            var startable = string.Join(", ", EcfOrchestrations.StartableOverHttp.Keys.Order(StringComparer.Ordinal));
            return ApiErrorResults.ToHttpResult(context, ApiError.NotFound() with { Detail = $"No orchestration named '{name}' can be started over HTTP. These can: {startable}." });
        }

        if (instanceId is not null && OrchestrationRequest.ValidateNewInstanceId(instanceId) is { } badId)
        {
            return ApiErrorResults.ToHttpResult(context, badId);
        }

        var input = await ReadInputAsync(context.Request, cancellationToken);
        if (EcfOrchestrations.StartableOverHttp[orchestration].Check(orchestration, input) is { } refused)
        {
            return ApiErrorResults.ToHttpResult(context, refused);
        }

        // Read, then start: the runtime refuses the id of a running instance itself (Durable Functions' NonRunningStates), but
        // would replace a finished instance of another orchestration, so that is checked here.
        if (instanceId is not null && await client.GetInstanceAsync(instanceId, cancellationToken) is { } existing)
        {
            if (!string.Equals(existing.Name, orchestration, StringComparison.OrdinalIgnoreCase))
            {
                return ApiErrorResults.ToHttpResult(context, ApiError.InstanceOfAnotherOrchestration(instanceId, existing.Name));
            }

            if (!existing.IsCompleted)
            {
                return ApiErrorResults.ToHttpResult(context, ApiError.InstanceStillRunning(instanceId));
            }
        }

        string started;
        try
        {
            started = await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.InstanceStillRunning(instanceId!));
        }

        var body = CheckStatusResponse.For(context.Request, started);
        return Results.Accepted(body.StatusQueryGetUri, body);
    }

    /// <summary>
    /// The body as JSON, null when empty. <see cref="Requests.JsonBodyMiddleware"/> has already refused a non-JSON type and a body
    /// that is not JSON or holds text no serializer can keep.
    /// </summary>
    private static async Task<JsonElement?> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.ToArray().AsSpan().TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
