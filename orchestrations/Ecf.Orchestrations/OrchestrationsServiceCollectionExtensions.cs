using Ecf.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations;

public static class OrchestrationsServiceCollectionExtensions
{
    /// <summary>
    /// The durable runtime (<c>AddEcfDurable</c>: options section <c>Durable</c>, the host as a hosted service, the client)
    /// with every orchestrator and activity of <see cref="EcfOrchestrations"/>. Needs an <c>IDocumentStore</c> (AddEcfStorage).
    /// Register it after the services whose hosted services must start first (the store's start-up work).
    /// </summary>
    public static IServiceCollection AddEcfOrchestrations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddEcfDurable(EcfOrchestrations.Register);
        return services;
    }
}
