namespace Ecf.Functions.Features.Health;

public static class HealthFeature
{
    public static IEndpointRouteBuilder MapHealthFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        return endpoints;
    }
}
