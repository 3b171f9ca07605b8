using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Declarations;

/// <summary>A v3 declaration as sent: every attribute as text (null when absent), checked by <see cref="DeclarationDecider"/>.</summary>
public sealed record DeclarationRequest(string? ParticipantId, string? DeclarationType, string? DeclarationDate, string? CourseIdentifier, string? EvidenceHeld);

/// <summary>
/// What the rules read besides the person: now, the provider, reference data, and the current delivery partner of each
/// partnership the person trains through (<see cref="PartnershipDeliveryPartners"/>; a training period without one keeps its own),
/// and the partnerships challenged since (<see cref="ChallengedPartnerships"/>: training through one no longer lets its provider declare).
/// </summary>
public sealed record DeclarationFacts(
    DateTimeOffset Now,
    Guid LeadProviderId,
    IReadOnlyList<ContractPeriod> ContractPeriods,
    IReadOnlyList<Schedule> Schedules,
    IReadOnlyList<StatementCalendarEntry> StatementCalendar,
    IReadOnlyDictionary<string, Guid?> PartnershipDeliveryPartners,
    IReadOnlySet<string> ChallengedPartnerships)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public ContractPeriod? ContractPeriod(int year) => ContractPeriods.FirstOrDefault(p => p.Year == year);

    public Schedule? Schedule(int contractYear, string? identifier) =>
        identifier is null ? null : Schedules.FirstOrDefault(s => s.ContractYear == contractYear && string.Equals(s.Identifier, identifier, StringComparison.Ordinal));

    /// <summary>True when <paramref name="period"/> is this provider's and not through a challenged partnership.</summary>
    public bool ProviderTrains(TrainingPeriod period) =>
        period.LeadProviderId == LeadProviderId && !(period.PartnershipId is { } id && ChallengedPartnerships.Contains(id));

    /// <summary>The delivery partner of <paramref name="period"/>: its partnership's current one, else the period's own.</summary>
    public Guid? DeliveryPartner(TrainingPeriod period) =>
        period.PartnershipId is { } id && PartnershipDeliveryPartners.TryGetValue(id, out var partner) && partner is not null ? partner : period.DeliveryPartnerId;
}
