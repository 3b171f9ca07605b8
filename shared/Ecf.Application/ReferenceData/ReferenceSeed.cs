using Ecf.Domain.ReferenceData;

namespace Ecf.Application.ReferenceData;

/// <summary>The reference data parsed from the seed files (see <c>Seed/README.md</c>).</summary>
public sealed record ReferenceSeed(
    IReadOnlyList<ContractPeriod> ContractPeriods,
    IReadOnlyList<Schedule> Schedules,
    IReadOnlyList<NpqSchedule> NpqSchedules,
    IReadOnlyList<StatementCalendarEntry> StatementCalendar,
    IReadOnlyList<LeadProvider> LeadProviders,
    IReadOnlyList<DeliveryPartner> DeliveryPartners,
    IReadOnlyList<ProviderRelationship> Relationships);
