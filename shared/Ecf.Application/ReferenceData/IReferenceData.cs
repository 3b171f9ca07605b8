using Ecf.Domain.ReferenceData;

namespace Ecf.Application.ReferenceData;

/// <summary>Loads the project's seed files into the <c>reference</c> container; idempotent (unchanged documents are not rewritten).</summary>
public interface IReferenceDataSeeder
{
    Task<ReferenceSeedResult> SeedAsync(CancellationToken cancellationToken = default);
}

/// <param name="Documents">Reference documents in the seed files.</param>
/// <param name="Written">How many of them this run created or changed.</param>
public sealed record ReferenceSeedResult(int Documents, int Written)
{
    /// <summary>Stored documents of the seeded kinds that the seed no longer has, deleted by this run.</summary>
    public int Removed { get; init; }
}

/// <summary>Read access to reference data (contract periods, schedules, statement calendars, providers, delivery partners).</summary>
public interface IReferenceData
{
    /// <summary>All lead providers, ECF and NPQ.</summary>
    Task<IReadOnlyList<LeadProvider>> GetLeadProvidersAsync(CancellationToken cancellationToken = default);

    /// <summary>A lead provider by exact name (case-insensitive), or null.</summary>
    Task<LeadProvider?> FindLeadProviderByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>True once the seed has been loaded into the store (what the health check reports).</summary>
    Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The whole reference data set, immutable, with synchronous lookups (for code that needs many lookups at once).
    /// Cached in memory once the seed is loaded; reference data changes only when the seed changes.
    /// </summary>
    Task<ReferenceDataSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>A lead provider by its stable id, or null.</summary>
    Task<LeadProvider?> GetLeadProviderAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Every contract period, by year ascending.</summary>
    Task<IReadOnlyList<ContractPeriod>> GetContractPeriodsAsync(CancellationToken cancellationToken = default);

    /// <summary>The contract period of <paramref name="year"/>, or null.</summary>
    Task<ContractPeriod?> GetContractPeriodAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>The twelve ECF schedules of a contract year.</summary>
    Task<IReadOnlyList<Schedule>> GetSchedulesAsync(int contractYear, CancellationToken cancellationToken = default);

    /// <summary>An ECF schedule by contract year and identifier (e.g. <c>ecf-standard-september</c>), or null.</summary>
    Task<Schedule?> GetScheduleAsync(int contractYear, string identifier, CancellationToken cancellationToken = default);

    /// <summary>The milestone of a declaration type on an ECF schedule, or null.</summary>
    Task<Milestone?> GetMilestoneAsync(int contractYear, string scheduleIdentifier, string declarationType, CancellationToken cancellationToken = default);

    /// <summary>The NPQ schedules of a cohort.</summary>
    Task<IReadOnlyList<NpqSchedule>> GetNpqSchedulesAsync(int cohort, CancellationToken cancellationToken = default);

    /// <summary>An NPQ schedule by cohort and identifier (e.g. <c>npq-leadership-autumn</c>), or null.</summary>
    Task<NpqSchedule?> GetNpqScheduleAsync(int cohort, string identifier, CancellationToken cancellationToken = default);

    /// <summary>The monthly statements of a contract year, by deadline ascending.</summary>
    Task<IReadOnlyList<StatementCalendarEntry>> GetStatementCalendarAsync(int contractYear, CancellationToken cancellationToken = default);

    /// <summary>All delivery partners, by name.</summary>
    Task<IReadOnlyList<DeliveryPartner>> GetDeliveryPartnersAsync(CancellationToken cancellationToken = default);

    /// <summary>A delivery partner by id, or null.</summary>
    Task<DeliveryPartner?> GetDeliveryPartnerAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The delivery partners a lead provider works with in a contract year.</summary>
    Task<IReadOnlyList<ProviderRelationship>> GetRelationshipsAsync(Guid leadProviderId, int contractYear, CancellationToken cancellationToken = default);
}
