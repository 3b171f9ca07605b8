using Ecf.Application.Tokens;
using Ecf.Functions.Auth;

namespace Ecf.Functions.Features.Admin;

/// <summary><c>GET /api/admin/tokens</c>: every token's metadata (never tokens or digests). Admin only.</summary>
public static class ListTokensFunction
{
    public const string Name = "AdminListTokens";

    public static RouteHandlerBuilder MapListTokens(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.Tokens, HandleAsync)
            .WithName(Name)
            .WithTags("Admin")
            .WithSummary("Lists API tokens: role, lead provider, description, created and last used.")
            .RequireAuthorization(EcfPolicies.Admin)
            .Produces<IReadOnlyList<ApiTokenSummary>>();

    public static async Task<IResult> HandleAsync(ListApiTokensHandler handler, CancellationToken cancellationToken) =>
        Results.Ok(await handler.HandleAsync(cancellationToken));
}
