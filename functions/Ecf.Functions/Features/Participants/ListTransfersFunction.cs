using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

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
        var parameters = V3ListParameters.Parse(context.Request.Query);
        if (!parameters.IsSuccess)
        {
            return ApiErrorResults.ToHttpResult(context, parameters.Errors);
        }

        var provider = context.User.LeadProviderId();
        var page = parameters.Value.Page;
        var resources = await handler.HandleAsync(new ListTransfersQuery(provider, parameters.Value.UpdatedSince, page.Number, page.PerPage), cancellationToken);
        return PreRenderedJsonApiResult.List(resources);
    }
}
