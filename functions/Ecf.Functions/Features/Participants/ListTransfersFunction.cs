using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;

namespace Ecf.Functions.Features.Participants;

/// <summary><c>GET /api/v3/participants/ecf/transfers</c>: participants who moved school, seen by the leaving and the joining provider.</summary>
public static class ListTransfersFunction
{
    public const string Name = "V3ListEcfParticipantTransfers";

    public static RouteHandlerBuilder MapListTransfers(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapV3Get(Routes.Transfers, HandleAsync, Name, "ECF participants", "Retrieve multiple participant transfers: filter[updated_since], page[page], page[per_page].");

    public static async Task<IResult> HandleAsync(HttpContext context, ListTransfersHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (since, page) = (query.UpdatedSince(), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var resources = await handler.HandleAsync(new ListTransfersQuery(context.User.LeadProviderId(), since, page.Number, page.PerPage), cancellationToken);
        return PreRenderedJsonApiResult.List(resources);
    }
}
