namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// Orchestration management over HTTP, for admin and finance tokens, shaped like Durable Functions' HTTP API: start (202 and a
/// check-status body), status, list, terminate, purge. Only the orchestrations in <c>EcfOrchestrations.StartableOverHttp</c>
/// can be started; any instance can be read, terminated or purged.
/// </summary>
public static class OrchestrationsFeature
{
    public const string Tag = "Orchestrations";

    public static IEndpointRouteBuilder MapOrchestrationsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStartOrchestration();
        endpoints.MapGetOrchestration();
        endpoints.MapListOrchestrations();
        endpoints.MapTerminateOrchestration();
        endpoints.MapPurgeOrchestration();
        return endpoints;
    }
}
