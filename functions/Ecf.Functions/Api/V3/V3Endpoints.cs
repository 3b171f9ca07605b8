using Ecf.Functions.Auth;

namespace Ecf.Functions.Api.V3;

/// <summary>How a lead provider's v3 read endpoint is declared: a function name, its OpenAPI tag and summary, the lead provider policy, JSON.</summary>
public static class V3Endpoints
{
    public static RouteHandlerBuilder MapV3Get(this IEndpointRouteBuilder endpoints, string route, Delegate handler, string name, string tag, string summary) =>
        endpoints.MapGet(route, handler)
            .WithName(name)
            .WithTags(tag)
            .WithSummary(summary)
            .RequireAuthorization(EcfPolicies.LeadProvider)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
}
