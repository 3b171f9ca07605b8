using Ecf.Application.Errors;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// <c>GET /api/orchestrations/{instanceId}?showInput=</c>: the instance in Durable Functions' status format. As Durable
/// Functions does, 202 with <c>Location</c> while it is Pending or Running (keep polling) and 200 once it has finished; unlike
/// Durable Functions (400 for Failed or Terminated), a finished instance is always 200: the body's <c>runtimeStatus</c> and
/// <c>failureDetails</c> say how it ended.
/// </summary>
public static class GetOrchestrationFunction
{
    public const string Name = "OrchestrationGetStatus";

    public static RouteHandlerBuilder MapGetOrchestration(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.Instance, HandleAsync)
            .WithName(Name)
            .WithTags(OrchestrationsFeature.Tag)
            .WithSummary("An orchestration instance: runtime status, progress (customStatus), input, output and failure details.")
            .RequireAuthorization(EcfPolicies.Orchestrations)
            .Produces<OrchestrationStatus>()
            .Produces<OrchestrationStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(string instanceId, bool? showInput, HttpContext context, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (OrchestrationRequest.ValidateInstanceId(instanceId) is { } badId)
        {
            return ApiErrorResults.ToHttpResult(context, badId);
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return ApiErrorResults.ToHttpResult(context, InstanceNotFound(instanceId));
        }

        var status = OrchestrationStatus.From(metadata);
        if (showInput == false)
        {
            status = status with { Input = null };
        }

        return metadata.IsCompleted ? Results.Ok(status) : Results.Accepted(Routes.InstanceUri(context.Request, instanceId), status);
    }

    public static ApiError InstanceNotFound(string instanceId) =>
        ApiError.NotFound() with { Detail = $"No orchestration instance has the id '{instanceId}'." };
}
