using Ecf.Domain.Declarations;

namespace Ecf.Domain.People;

/// <summary>
/// One ECT or mentor participation (ECF participant profile, RECT at-school periods of one role). Its periods are lists,
/// oldest first, each with <c>From</c> and an exclusive <c>To</c> (null while open); at most one of each kind is open.
/// </summary>
public sealed record Participation
{
    /// <summary>Stable id of this participation, the v3 API's <c>training_record_id</c> (a UUID string).</summary>
    public required string TrainingRecordId { get; init; }

    /// <summary><see cref="ParticipationTypes.Ect"/> or <see cref="ParticipationTypes.Mentor"/>.</summary>
    public required string Type { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<AtSchoolPeriod> AtSchoolPeriods { get; init; } = [];

    public IReadOnlyList<TrainingPeriod> TrainingPeriods { get; init; } = [];

    /// <summary>ECTs only: statutory induction periods.</summary>
    public IReadOnlyList<InductionPeriod> InductionPeriods { get; init; } = [];

    /// <summary>ECTs only: who mentors this ECT, and when. The mentor's side is found by querying ECTs by mentor id.</summary>
    public IReadOnlyList<MentorshipPeriod> MentorshipPeriods { get; init; } = [];

    /// <summary>Funding eligibility over time (eligible, ineligible, manual check), with reason and source.</summary>
    public IReadOnlyList<FundingEligibilityPeriod> FundingEligibility { get; init; } = [];

    /// <summary>The lead providers' declarations for this participation, oldest first (each names its training period).</summary>
    public IReadOnlyList<Declaration> Declarations { get; init; } = [];

    /// <summary>Statuses stored on write (never computed on read): training, participant, funding.</summary>
    public required ParticipationStatuses Statuses { get; init; }

    /// <summary>The participant was moved out of a payments-frozen contract year (v3 <c>cohort_changed_after_payments_frozen</c>).</summary>
    public bool CohortChangedAfterPaymentsFrozen { get; init; }

    /// <summary>The school's pupil premium uplift for the cohort, copied when the participation started (as ECF's profile).</summary>
    public bool PupilPremiumUplift { get; init; }

    /// <summary>The school's sparsity uplift for the cohort, copied when the participation started.</summary>
    public bool SparsityUplift { get; init; }

    public AtSchoolPeriod? OpenAtSchoolPeriod => AtSchoolPeriods.LastOrDefault(p => p.To is null);

    public TrainingPeriod? OpenTrainingPeriod => TrainingPeriods.LastOrDefault(p => p.To is null);

    public MentorshipPeriod? OpenMentorshipPeriod => MentorshipPeriods.LastOrDefault(p => p.To is null);

    public FundingEligibilityPeriod? CurrentFundingEligibility => FundingEligibility.LastOrDefault(p => p.To is null);

    public Declaration? FindDeclaration(string declarationId) =>
        Declarations.FirstOrDefault(d => string.Equals(d.Id, declarationId, StringComparison.Ordinal));

    /// <summary>The latest at-school period (open, or the last one to close).</summary>
    public AtSchoolPeriod? LatestAtSchoolPeriod => OpenAtSchoolPeriod ?? (AtSchoolPeriods.Count > 0 ? AtSchoolPeriods[^1] : null);

    /// <summary>The latest training period (open, or the last one to close).</summary>
    public TrainingPeriod? LatestTrainingPeriod => OpenTrainingPeriod ?? (TrainingPeriods.Count > 0 ? TrainingPeriods[^1] : null);
}
