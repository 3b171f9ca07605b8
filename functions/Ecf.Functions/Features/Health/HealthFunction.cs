using System.Reflection;
using Ecf.Application.ReferenceData;
using Ecf.Functions.Auth;
using Ecf.Storage;

namespace Ecf.Functions.Features.Health;

/// <summary><c>GET /api/health</c>: 200 when the store answers and reference data is loaded, else 503. Any valid token.</summary>
public static class HealthFunction
{
    public const string Name = "Health";

    public static string Version { get; } =
        typeof(HealthFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.Health, HandleAsync)
            .WithName(Name)
            .WithTags("Health")
            .WithSummary("Whether the service can serve requests: store reachable, reference data loaded.")
            .RequireAuthorization(EcfPolicies.AnyToken)
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

    public static async Task<IResult> HandleAsync(
        IDocumentStore store,
        IReferenceData referenceData,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(HealthFunction));
        var reachable = await CheckAsync(() => store.PingAsync(cancellationToken), logger, "store ping");
        var loaded = reachable && await CheckAsync(() => referenceData.IsLoadedAsync(cancellationToken), logger, "reference data check");
        var healthy = reachable && loaded;
        var report = new HealthReport(
            healthy ? "healthy" : "unhealthy",
            new StoreHealth(store.Kind, reachable),
            new ReferenceDataHealth(loaded),
            Version,
            timeProvider.GetUtcNow());
        return Results.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> CheckAsync(Func<Task<bool>> check, ILogger logger, string what)
    {
        try
        {
            return await check();
        }
        catch (DocumentStoreException ex)
        {
            logger.LogWarning(ex, "Health: {What} failed.", what);
            return false;
        }
    }
}
