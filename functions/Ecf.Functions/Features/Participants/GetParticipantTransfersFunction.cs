using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Participants;

/// <summary><c>GET /api/v3/participants/ecf/{id}/transfers</c>: one participant's transfers, when this provider is on either side.</summary>
public static class GetParticipantTransfersFunction
{
    public const string Name = "V3GetEcfParticipantTransfers";

    public static RouteHandlerBuilder MapGetParticipantTransfers(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapV3Get(Routes.ParticipantTransfers, HandleAsync, Name, "ECF participants", "Retrieve a single participant's transfers.");

    public static async Task<IResult> HandleAsync(string id, HttpContext context, GetParticipantHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var provider = context.User.LeadProviderId();
        var result = await handler.GetTransferAsync(provider, id, cancellationToken);
        return result.ToHttpResult(context, resource => PreRenderedJsonApiResult.One(resource));
    }
}
