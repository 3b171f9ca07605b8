using Ecf.Application.Errors;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// <c>POST /api/orchestrations/{instanceId}/terminate?reason=</c>: asks a Pending or Running instance to stop; it becomes
/// Terminated with the reason as its output. 202 (the host applies it shortly); 404 unknown; 409 when it has already finished
/// (Durable Functions answers 410 there).
/// </summary>
public static class TerminateOrchestrationFunction
{
    public const string Name = "OrchestrationTerminate";

    public const int MaxReasonLength = 1000;

    public static RouteHandlerBuilder MapTerminateOrchestration(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Routes.Terminate, HandleAsync)
            .WithName(Name)
            .WithTags(OrchestrationsFeature.Tag)
            .WithSummary("Terminates a pending or running orchestration instance, with an optional reason.")
            .RequireAuthorization(EcfPolicies.Orchestrations)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> HandleAsync(string instanceId, string? reason, HttpContext context, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (OrchestrationRequest.ValidateInstanceId(instanceId) is { } badId)
        {
            return ApiErrorResults.ToHttpResult(context, badId);
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.BadParameter($"reason must be at most {MaxReasonLength} characters."));
        }

        var metadata = await client.GetInstanceAsync(instanceId, cancellation: cancellationToken);
        if (metadata is null)
        {
            return ApiErrorResults.ToHttpResult(context, GetOrchestrationFunction.InstanceNotFound(instanceId));
        }

        if (metadata.IsCompleted)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.InstanceAlreadyFinished(instanceId, metadata.RuntimeStatus.ToString()));
        }

        await client.TerminateInstanceAsync(instanceId, string.IsNullOrEmpty(reason) ? null : reason, cancellationToken);
        return Results.Accepted(Routes.InstanceUri(context.Request, instanceId));
    }
}
