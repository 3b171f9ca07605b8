using Ecf.Application.Errors;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// <c>DELETE /api/orchestrations/{instanceId}</c>: deletes a finished instance and its history. 200 with
/// <c>{"instancesDeleted":1}</c> as Durable Functions answers; 404 unknown; 409 while it is Pending or Running (terminate it first).
/// </summary>
public static class PurgeOrchestrationFunction
{
    public const string Name = "OrchestrationPurge";

    public static RouteHandlerBuilder MapPurgeOrchestration(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapDelete(Routes.Instance, HandleAsync)
            .WithName(Name)
            .WithTags(OrchestrationsFeature.Tag)
            .WithSummary("Purges a finished orchestration instance and its history.")
            .RequireAuthorization(EcfPolicies.Orchestrations)
            .Produces<PurgeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> HandleAsync(string instanceId, HttpContext context, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (OrchestrationRequest.ValidateInstanceId(instanceId) is { } badId)
        {
            return ApiErrorResults.ToHttpResult(context, badId);
        }

        var metadata = await client.GetInstanceAsync(instanceId, cancellation: cancellationToken);
        if (metadata is null)
        {
            return ApiErrorResults.ToHttpResult(context, GetOrchestrationFunction.InstanceNotFound(instanceId));
        }

        if (!metadata.IsCompleted)
        {
            return ApiErrorResults.ToHttpResult(context, StillRunning(instanceId, metadata.RuntimeStatus));
        }

        var purged = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        if (purged.PurgedInstanceCount == 0)
        {
            // Gone or restarted between the read and the purge.
            var now = await client.GetInstanceAsync(instanceId, cancellation: cancellationToken);
            return ApiErrorResults.ToHttpResult(context, now is null ? GetOrchestrationFunction.InstanceNotFound(instanceId) : StillRunning(instanceId, now.RuntimeStatus));
        }

        return Results.Ok(new PurgeResponse(purged.PurgedInstanceCount));
    }

    private static ApiError StillRunning(string instanceId, OrchestrationRuntimeStatus status) =>
        ApiError.InstanceNotFinished(instanceId, status.ToString().ToLowerInvariant());
}

public sealed record PurgeResponse(int InstancesDeleted);
