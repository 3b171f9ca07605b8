using System.Collections.Frozen;
using Ecf.Domain.ReferenceData;

namespace Ecf.Application.ReferenceData;

/// <summary>An immutable, indexed copy of all reference data.</summary>
public sealed class ReferenceDataSnapshot
{
    private readonly FrozenDictionary<int, ContractPeriod> contractPeriodsByYear;
    private readonly FrozenDictionary<(int Year, string Identifier), Schedule> schedules;
    private readonly FrozenDictionary<int, IReadOnlyList<Schedule>> schedulesByYear;
    private readonly FrozenDictionary<(int Cohort, string Identifier), NpqSchedule> npqSchedules;
    private readonly FrozenDictionary<int, IReadOnlyList<NpqSchedule>> npqSchedulesByCohort;
    private readonly FrozenDictionary<int, IReadOnlyList<StatementCalendarEntry>> calendarByYear;
    private readonly FrozenDictionary<Guid, LeadProvider> leadProvidersById;
    private readonly FrozenDictionary<string, LeadProvider> leadProvidersByName;
    private readonly FrozenDictionary<Guid, DeliveryPartner> deliveryPartnersById;
    private readonly FrozenDictionary<(Guid LeadProviderId, int Year), IReadOnlyList<ProviderRelationship>> relationships;

    public ReferenceDataSnapshot(ReferenceSeed data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ContractPeriods = [.. data.ContractPeriods.OrderBy(p => p.Year)];
        contractPeriodsByYear = ContractPeriods.ToFrozenDictionary(p => p.Year);
        Schedules = [.. data.Schedules.OrderBy(s => s.ContractYear).ThenBy(s => s.Type).ThenBy(s => s.Month)];
        schedules = Schedules.ToFrozenDictionary(s => (s.ContractYear, s.Identifier));
        schedulesByYear = Schedules.GroupBy(s => s.ContractYear).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Schedule>)[.. g]);
        NpqSchedules = [.. data.NpqSchedules.OrderBy(s => s.Cohort).ThenBy(s => s.AppliesFrom).ThenBy(s => s.Identifier, StringComparer.Ordinal)];
        npqSchedules = NpqSchedules.ToFrozenDictionary(s => (s.Cohort, s.Identifier));
        npqSchedulesByCohort = NpqSchedules.GroupBy(s => s.Cohort).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<NpqSchedule>)[.. g]);
        StatementCalendar = [.. data.StatementCalendar.OrderBy(e => e.ContractYear).ThenBy(e => e.DeadlineDate).ThenBy(e => e.Year).ThenBy(e => e.Month)];
        calendarByYear = StatementCalendar.GroupBy(e => e.ContractYear).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<StatementCalendarEntry>)[.. g]);
        LeadProviders = [.. data.LeadProviders.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
        leadProvidersById = LeadProviders.ToFrozenDictionary(p => p.Id);
        leadProvidersByName = LeadProviders.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        DeliveryPartners = [.. data.DeliveryPartners.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
        deliveryPartnersById = DeliveryPartners.ToFrozenDictionary(p => p.Id);
        Relationships = [.. data.Relationships.OrderBy(r => r.ContractYear).ThenBy(r => r.LeadProviderId).ThenBy(r => r.DeliveryPartnerId)];
        relationships = Relationships.GroupBy(r => (r.LeadProviderId, r.ContractYear)).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<ProviderRelationship>)[.. g]);
    }

    public IReadOnlyList<ContractPeriod> ContractPeriods { get; }

    public IReadOnlyList<Schedule> Schedules { get; }

    public IReadOnlyList<NpqSchedule> NpqSchedules { get; }

    public IReadOnlyList<StatementCalendarEntry> StatementCalendar { get; }

    public IReadOnlyList<LeadProvider> LeadProviders { get; }

    public IReadOnlyList<DeliveryPartner> DeliveryPartners { get; }

    public IReadOnlyList<ProviderRelationship> Relationships { get; }

    public ContractPeriod? GetContractPeriod(int year) => contractPeriodsByYear.GetValueOrDefault(year);

    public IReadOnlyList<Schedule> GetSchedules(int contractYear) => schedulesByYear.GetValueOrDefault(contractYear) ?? [];

    public Schedule? GetSchedule(int contractYear, string identifier) => schedules.GetValueOrDefault((contractYear, identifier));

    public Milestone? GetMilestone(int contractYear, string scheduleIdentifier, string declarationType) =>
        GetSchedule(contractYear, scheduleIdentifier)?.FindMilestone(declarationType);

    public IReadOnlyList<NpqSchedule> GetNpqSchedules(int cohort) => npqSchedulesByCohort.GetValueOrDefault(cohort) ?? [];

    public NpqSchedule? GetNpqSchedule(int cohort, string identifier) => npqSchedules.GetValueOrDefault((cohort, identifier));

    public IReadOnlyList<StatementCalendarEntry> GetStatementCalendar(int contractYear) => calendarByYear.GetValueOrDefault(contractYear) ?? [];

    public LeadProvider? GetLeadProvider(Guid id) => leadProvidersById.GetValueOrDefault(id);

    /// <summary>Exact name, ignoring case (surrounding spaces trimmed).</summary>
    public LeadProvider? FindLeadProviderByName(string name) =>
        string.IsNullOrWhiteSpace(name) ? null : leadProvidersByName.GetValueOrDefault(name.Trim());

    public DeliveryPartner? GetDeliveryPartner(Guid id) => deliveryPartnersById.GetValueOrDefault(id);

    public IReadOnlyList<ProviderRelationship> GetRelationships(Guid leadProviderId, int contractYear) =>
        relationships.GetValueOrDefault((leadProviderId, contractYear)) ?? [];
}
