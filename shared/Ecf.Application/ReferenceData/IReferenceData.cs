using Ecf.Domain.ReferenceData;

namespace Ecf.Application.ReferenceData;

/// <summary>Loads the project's seed files into the <c>reference</c> container; idempotent (unchanged documents are not rewritten).</summary>
public interface IReferenceDataSeeder
{
    Task<ReferenceSeedResult> SeedAsync(CancellationToken cancellationToken = default);
}

/// <param name="Documents">Reference documents in the seed files.</param>
/// <param name="Written">How many of them this run created or changed.</param>
public sealed record ReferenceSeedResult(int Documents, int Written);

/// <summary>Read access to reference data (contract periods, schedules, statement calendars, providers, delivery partners).</summary>
public interface IReferenceData
{
    /// <summary>All lead providers, ECF and NPQ.</summary>
    Task<IReadOnlyList<LeadProvider>> GetLeadProvidersAsync(CancellationToken cancellationToken = default);

    /// <summary>A lead provider by exact name (case-insensitive), or null.</summary>
    Task<LeadProvider?> FindLeadProviderByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>True once the seed has been loaded into the store (what the health check reports).</summary>
    Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default);
}
