using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Startup;

/// <summary>Makes a store ready for use: creates missing containers, then loads reference data (both idempotent).</summary>
public sealed class StoreInitializer(IDocumentStore store, IReferenceDataSeeder seeder)
{
    public async Task<ReferenceSeedResult> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await store.EnsureContainersAsync(EcfContainers.All, cancellationToken).ConfigureAwait(false);
        return await seeder.SeedAsync(cancellationToken).ConfigureAwait(false);
    }
}
