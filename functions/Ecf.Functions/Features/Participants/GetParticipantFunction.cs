using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Participants;

/// <summary><c>GET /api/v3/participants/ecf/{id}</c>: one participant the provider can see; anything else is the same 404.</summary>
public static class GetParticipantFunction
{
    public const string Name = "V3GetEcfParticipant";

    public static RouteHandlerBuilder MapGetParticipant(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapV3Get(Routes.Participant, HandleAsync, Name, "ECF participants", "Retrieve a single ECF participant.");

    public static async Task<IResult> HandleAsync(string id, HttpContext context, GetParticipantHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var provider = context.User.LeadProviderId();
        var result = await handler.GetParticipantAsync(provider, id, cancellationToken);
        return result.ToHttpResult(context, resource => PreRenderedJsonApiResult.One(resource));
    }
}
