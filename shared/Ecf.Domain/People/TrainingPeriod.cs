namespace Ecf.Domain.People;

/// <summary>
/// Training with a lead provider (or school-led), [<see cref="From"/>, <see cref="To"/>), inside one at-school period.
/// The two years are explicit and nothing else holds them: <see cref="Cohort"/> for policy (the year induction started) and
/// <see cref="ContractYear"/> for finance (which call-off contract pays; differs from the cohort only when moved out of a
/// payments-frozen year). Declarations name the training period they were made under.
/// </summary>
public sealed record TrainingPeriod
{
    /// <summary>Deterministic within the participation: <c>&lt;trainingRecordId&gt;:training:&lt;n&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The at-school period this training belongs to.</summary>
    public required string AtSchoolPeriodId { get; init; }

    /// <summary><see cref="TrainingProgrammes.ProviderLed"/> or <see cref="TrainingProgrammes.SchoolLed"/>.</summary>
    public required string TrainingProgramme { get; init; }

    /// <summary>Null for school-led training.</summary>
    public Guid? LeadProviderId { get; init; }

    /// <summary>The delivery partner when this period was written; when <see cref="PartnershipId"/> is set the partnership's current one is authoritative.</summary>
    public Guid? DeliveryPartnerId { get; init; }

    /// <summary>The school partnership the training is delivered through; null for school-led, or a provider kept across a transfer without a partnership at the new school.</summary>
    public string? PartnershipId { get; init; }

    /// <summary>e.g. <c>ecf-standard-september</c>; null for school-led training.</summary>
    public string? ScheduleIdentifier { get; init; }

    public required int Cohort { get; init; }

    public required int ContractYear { get; init; }

    /// <summary><see cref="TrainingStatuses"/>: active, deferred or withdrawn.</summary>
    public string TrainingStatus { get; init; } = TrainingStatuses.Active;

    public StatusReason? Withdrawal { get; init; }

    public StatusReason? Deferral { get; init; }

    /// <summary>
    /// An admin moved the participant back into this payments-frozen contract year to declare against it
    /// (docs/domain.md#frozen-years): while this is the provider's latest training, the year takes declarations again.
    /// </summary>
    public bool ReturnedToFrozenYear { get; init; }

    public required DateOnly From { get; init; }

    public DateOnly? To { get; init; }
}
