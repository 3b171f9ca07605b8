namespace Ecf.Functions.Features.Admin;

public static class AdminFeature
{
    public static IEndpointRouteBuilder MapAdminFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapListTokens();
        endpoints.MapCreateToken();
        return endpoints;
    }
}
