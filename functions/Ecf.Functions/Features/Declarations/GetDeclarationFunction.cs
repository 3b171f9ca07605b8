using Ecf.Application.Declarations;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Declarations;

/// <summary><c>GET /api/v3/participant-declarations/{id}</c>: one declaration the provider sees; anything else is the same 404.</summary>
public static class GetDeclarationFunction
{
    public const string Name = "V3GetParticipantDeclaration";

    public static RouteHandlerBuilder MapGetDeclaration(this IEndpointRouteBuilder leadProviderApi) =>
        leadProviderApi.MapV3Get(Routes.Declaration, HandleAsync, Name, "Participant declarations", "Retrieve a single participant declaration.");

    public static async Task<IResult> HandleAsync(string id, HttpContext context, ListDeclarationsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.GetAsync(context.User.LeadProviderId(), id, cancellationToken);
        return result.ToHttpResult(context, resource => PreRenderedJsonApiResult.One(resource));
    }
}
