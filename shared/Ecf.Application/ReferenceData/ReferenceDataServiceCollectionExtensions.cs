using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.ReferenceData;

public static class ReferenceDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded seed, <see cref="IReferenceDataSeeder"/> and the cached <see cref="IReferenceData"/> reader
    /// (singletons). Needs an <c>IDocumentStore</c> registered elsewhere (<c>AddEcfStorage</c>).
    /// </summary>
    public static IServiceCollection AddEcfReferenceData(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ReferenceSeedDocuments.Embedded);
        services.TryAddSingleton<IReferenceDataSeeder, ReferenceDataSeeder>();
        services.TryAddSingleton<ReferenceData>();
        services.TryAddSingleton<IReferenceData>(sp => sp.GetRequiredService<ReferenceData>());
        return services;
    }
}
