using Ecf.Application.Declarations;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;

namespace Ecf.Functions.Features.Declarations;

/// <summary>
/// <c>GET /api/v3/participant-declarations</c>: the declarations the provider sees (its own, and those of the participants it now
/// trains), from its provider views, countless pages in the immutable order (the v3 spec has no <c>sort</c> here).
/// </summary>
public static class ListDeclarationsFunction
{
    public const string Name = "V3ListParticipantDeclarations";

    public static RouteHandlerBuilder MapListDeclarations(this IEndpointRouteBuilder leadProviderApi) =>
        leadProviderApi.MapV3Get(Routes.Declarations, HandleAsync, Name, "Participant declarations", "Retrieve multiple participant declarations: filter[cohort], filter[participant_id], filter[updated_since], filter[delivery_partner_id] (each comma-separated), page[page], page[per_page] (100 by default, at most 3000).");

    public static async Task<IResult> HandleAsync(HttpContext context, ListDeclarationsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (cohorts, since, page) = (query.Cohorts(), query.UpdatedSince(), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var resources = await handler.HandleAsync(
            new ListDeclarationsQuery(
                context.User.LeadProviderId(),
                cohorts,
                ListDeclarationsHandler.Ids(query.Text("participant_id")),
                ListDeclarationsHandler.Ids(query.Text("delivery_partner_id")),
                since,
                page.Number,
                page.PerPage),
            cancellationToken);
        return PreRenderedJsonApiResult.List(resources);
    }
}
