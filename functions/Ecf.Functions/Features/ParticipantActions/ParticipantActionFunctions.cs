using Ecf.Application.Errors;
using Ecf.Application.ParticipantActions;
using Ecf.Domain.People;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.ParticipantActions;

/// <summary>
/// ECF v3 participant actions, <c>PUT /api/v3/participants/ecf/{id}/{withdraw|defer|resume|change-schedule}</c>, each answering
/// with the participant as the provider now sees it; and the admin's contract-year move for payments-frozen years.
/// </summary>
public static class ParticipantActionFunctions
{
    public const string WithdrawName = "V3WithdrawEcfParticipant";
    public const string DeferName = "V3DeferEcfParticipant";
    public const string ResumeName = "V3ResumeEcfParticipant";
    public const string ChangeScheduleName = "V3ChangeEcfParticipantSchedule";
    public const string ChangeContractYearName = "AdminChangeContractYear";

    public static IEndpointRouteBuilder MapParticipantActions(this IEndpointRouteBuilder leadProviderApi)
    {
        Map(leadProviderApi, Routes.Withdraw, ParticipantAction.Withdraw, "participant-withdraw", WithdrawName, "Withdraws a participant from training with this provider, with a reason.");
        Map(leadProviderApi, Routes.Defer, ParticipantAction.Defer, "participant-defer", DeferName, "Defers a participant's training with this provider, with a reason.");
        Map(leadProviderApi, Routes.Resume, ParticipantAction.Resume, "participant-resume", ResumeName, "Resumes a deferred or withdrawn participant's training with this provider.");
        Map(leadProviderApi, Routes.ChangeSchedule, ParticipantAction.ChangeSchedule, "participant-change-schedule", ChangeScheduleName,
            "Moves a participant to another schedule (and, without declarations, another cohort).");
        return leadProviderApi;
    }

    public static IEndpointRouteBuilder MapChangeContractYear(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Routes.ChangeContractYear, ChangeContractYearAsync).WithName(ChangeContractYearName).WithTags("Admin")
            .WithSummary("Moves an ECT out of a payments-frozen contract year into the active registration year, or back, naming every condition that refused.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<ContractYearMoveResult>();
        return endpoints;
    }

    public static async Task<IResult> ChangeContractYearAsync(
        string personId, string trainingRecordId, ChangeContractYearBody body, ChangeContractYearHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        var request = (body ?? new ChangeContractYearBody(null, null, null, null)).ToRequest();
        var command = new ChangeContractYearCommand(
            personId, trainingRecordId, request, new Actor(ActorTypes.Admin, context.User.GetTokenId()), CorrelationIdMiddleware.Get(context), body?.Reason);
        var result = await handler.HandleAsync(command, cancellationToken);
        return result.ToHttpResult(context, moved => Results.Ok(moved));
    }

    private static void Map(IEndpointRouteBuilder leadProviderApi, string route, ParticipantAction action, string type, string name, string summary)
    {
        async Task<IResult> HandleAsync(string id, ParticipantActionRequestBody body, HttpContext context, ParticipantActionHandler handler, CancellationToken cancellationToken)
        {
            if (JsonApiRequest.AttributesOf(body?.Data?.Type, body?.Data?.Attributes, type) is not { } attributes)
            {
                return ApiErrorResults.ToHttpResult(context, ApiError.JsonDataStructure());
            }

            var command = new ParticipantActionCommand(
                context.User.LeadProviderId(),
                id,
                action,
                attributes.Course,
                action is ParticipantAction.Withdraw or ParticipantAction.Defer ? attributes.ReasonText : null,
                action == ParticipantAction.ChangeSchedule ? attributes.ToChangeSchedule() : null,
                CorrelationIdMiddleware.Get(context));
            var result = await handler.HandleAsync(command, cancellationToken);
            return result.ToHttpResult(context, resource => PreRenderedJsonApiResult.One(resource));
        }

        leadProviderApi.MapPut(route, HandleAsync).WithName(name).WithTags("ECF participants").WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }
}
