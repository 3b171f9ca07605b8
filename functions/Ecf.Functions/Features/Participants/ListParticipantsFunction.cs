using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;

namespace Ecf.Functions.Features.Participants;

/// <summary><c>GET /api/v3/participants/ecf</c>: the provider's participants (ECF v3), countless pages, from its provider views.</summary>
public static class ListParticipantsFunction
{
    public const string Name = "V3ListEcfParticipants";

    private static readonly string[] SortFields = ["created_at", "updated_at"];

    public static RouteHandlerBuilder MapListParticipants(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapV3Get(Routes.Participants, HandleAsync, Name, "ECF participants", "Retrieve multiple ECF participants: filter[cohort], filter[updated_since], filter[training_status], filter[from_participant_id], sort (created_at, updated_at, leading - for descending), page[page], page[per_page] (100 by default, at most 3000).");

    public static async Task<IResult> HandleAsync(HttpContext context, ListParticipantsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (cohorts, since, status, sort, page) = (query.Cohorts(), query.UpdatedSince(), query.TrainingStatus(), query.Sort(SortFields), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var resources = await handler.HandleAsync(
            new ListParticipantsQuery(
                context.User.LeadProviderId(),
                cohorts,
                since,
                status,
                query.Text("from_participant_id"),
                sort?.Field == "updated_at" ? ParticipantOrder.UpdatedAt : ParticipantOrder.CreatedAt,
                sort?.Descending ?? false,
                page.Number,
                page.PerPage),
            cancellationToken);
        return PreRenderedJsonApiResult.List(resources);
    }
}
