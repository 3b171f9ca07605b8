using Ecf.Application.Declarations;
using Ecf.Application.People;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.People;

/// <summary>Admin: a person's whole record and its timeline, so anyone can see why a record is in its state.</summary>
public static class PeopleFunctions
{
    public const string GetName = "AdminGetPerson";
    public const string TimelineName = "AdminGetPersonTimeline";
    public const string EligibilityName = "AdminRecordFundingEligibility";

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Routes.Person, GetAsync).WithName(GetName).WithTags("Admin")
            .WithSummary("A person's whole record: identity, emails, participations and their periods, statuses.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<Person>();
        endpoints.MapGet(Routes.Timeline, TimelineAsync).WithName(TimelineName).WithTags("Admin")
            .WithSummary("A person's timeline, oldest first: what happened, when, who did it, why, and what changed.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<IReadOnlyList<PersonEvent>>();
        endpoints.MapPut(Routes.Eligibility, RecordEligibilityAsync).WithName(EligibilityName).WithTags("Admin")
            .WithSummary("Records a funding-eligibility decision for a participation from a date; its declarations follow it in the same write.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<EligibilityResult>();
        return endpoints;
    }

    public static async Task<IResult> GetAsync(string personId, GetPersonHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (await handler.HandleAsync(personId, cancellationToken)).ToHttpResult(context, person => Results.Ok(person));
    }

    public static async Task<IResult> TimelineAsync(string personId, GetPersonTimelineHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (await handler.HandleAsync(personId, cancellationToken)).ToHttpResult(context, events => Results.Ok(events));
    }

    public static async Task<IResult> RecordEligibilityAsync(
        string personId, string trainingRecordId, EligibilityRequestBody body, RecordEligibilityHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        var request = new EligibilityRequest(body?.Status, body?.Reason, body?.From, body?.Note);
        var actor = new Actor(ActorTypes.Admin, context.User.GetTokenId());
        var result = await handler.HandleAsync(new RecordEligibilityCommand(personId, trainingRecordId, request, actor, CorrelationIdMiddleware.Get(context)), cancellationToken);
        return result.ToHttpResult(context, eligibility => Results.Ok(eligibility));
    }
}

/// <summary>An admin's funding-eligibility decision: <c>status</c> (eligible, ineligible, manual_check), <c>reason</c>, <c>from</c> (yyyy-mm-dd), <c>note</c>.</summary>
public sealed record EligibilityRequestBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("status")] string? Status,
    [property: System.Text.Json.Serialization.JsonPropertyName("reason")] string? Reason,
    [property: System.Text.Json.Serialization.JsonPropertyName("from")] string? From,
    [property: System.Text.Json.Serialization.JsonPropertyName("note")] string? Note);
