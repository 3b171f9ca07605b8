namespace Ecf.Functions.Api.V3;

/// <summary>How a v3 read endpoint is declared on the <see cref="LeadProviderApi"/> group: a function name, its OpenAPI tag and summary, JSON.</summary>
public static class V3Endpoints
{
    public static RouteHandlerBuilder MapV3Get(this IEndpointRouteBuilder leadProviderApi, string route, Delegate handler, string name, string tag, string summary) =>
        leadProviderApi.MapGet(route, handler)
            .WithName(name)
            .WithTags(tag)
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
}
