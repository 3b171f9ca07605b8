using Ecf.Application.People;
using Ecf.Domain.People;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.People;

/// <summary>Admin: a person's whole record and its timeline, so anyone can see why a record is in its state.</summary>
public static class PeopleFunctions
{
    public const string GetName = "AdminGetPerson";
    public const string TimelineName = "AdminGetPersonTimeline";

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Routes.Person, GetAsync).WithName(GetName).WithTags("Admin")
            .WithSummary("A person's whole record: identity, emails, participations and their periods, statuses.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<Person>();
        endpoints.MapGet(Routes.Timeline, TimelineAsync).WithName(TimelineName).WithTags("Admin")
            .WithSummary("A person's timeline, oldest first: what happened, when, who did it, why, and what changed.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<IReadOnlyList<PersonEvent>>();
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
}
