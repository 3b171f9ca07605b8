using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Durable;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Orchestrations;

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
            .Accepts<JsonElement>("application/json")
            .Produces<CheckStatusResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> HandleAsync(string name, string? instanceId, HttpContext context, DurableTaskClient client, DurableTaskRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(registry);
        var orchestration = EcfOrchestrations.StartableOverHttp.Keys.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (orchestration is null || !registry.OrchestratorNames.Contains(orchestration, StringComparer.OrdinalIgnoreCase))
        {
            var startable = string.Join(", ", EcfOrchestrations.StartableOverHttp.Keys.Order(StringComparer.Ordinal));
            return ApiErrorResults.ToHttpResult(context, ApiError.NotFound() with { Detail = $"No orchestration named '{name}' can be started over HTTP. These can: {startable}." });
        }

        if (instanceId is not null && OrchestrationRequest.ValidateNewInstanceId(instanceId) is { } badId)
        {
            return ApiErrorResults.ToHttpResult(context, badId);
        }

        var (input, inputError) = await ReadInputAsync(context.Request, cancellationToken);
        if ((inputError ?? EcfOrchestrations.StartableOverHttp[orchestration].Check(orchestration, input)) is { } refused)
        {
            return ApiErrorResults.ToHttpResult(context, refused);
        }

        string started;
        try
        {
            started = await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            return ApiErrorResults.ToHttpResult(context, ex.ExistingOrchestration is { } other
                ? ApiError.InstanceOfAnotherOrchestration(instanceId!, other)
                : ApiError.InstanceStillRunning(instanceId!));
        }

        var body = CheckStatusResponse.For(context.Request, started);
        return Results.Accepted(body.StatusQueryGetUri, body);
    }

    /// <summary>The body as JSON (null when empty); a 400 for text that is not JSON, a 415 for a declared non-JSON type.</summary>
    private static async Task<(JsonElement? Input, ApiError? Error)> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiError.UnsupportedMediaType($"The input must be JSON (Content-Type application/json), not {contentType}."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiError.MalformedJson($"The input is not valid JSON: {ex.Message}"));
        }
    }
}
