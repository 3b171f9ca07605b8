using System.Text.Json.Serialization;
using Ecf.Domain.Declarations;

namespace Ecf.Domain.People;

/// <summary>
/// The typed content of a timeline event. Stored with a <c>type</c> discriminator (the <see cref="PersonEventTypes"/> value).
/// New capabilities add new records here (declarations, DQT checks, NPQ applications); existing ones never change meaning.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(PersonCreated), PersonEventTypes.PersonCreated)]
[JsonDerivedType(typeof(EmailChanged), PersonEventTypes.EmailChanged)]
[JsonDerivedType(typeof(NameChanged), PersonEventTypes.NameChanged)]
[JsonDerivedType(typeof(ParticipationStarted), PersonEventTypes.ParticipationStarted)]
[JsonDerivedType(typeof(SchoolPeriodStarted), PersonEventTypes.SchoolPeriodStarted)]
[JsonDerivedType(typeof(SchoolPeriodFinished), PersonEventTypes.SchoolPeriodFinished)]
[JsonDerivedType(typeof(TrainingPeriodStarted), PersonEventTypes.TrainingPeriodStarted)]
[JsonDerivedType(typeof(TrainingPeriodFinished), PersonEventTypes.TrainingPeriodFinished)]
[JsonDerivedType(typeof(InductionPeriodStarted), PersonEventTypes.InductionPeriodStarted)]
[JsonDerivedType(typeof(MentorshipStarted), PersonEventTypes.MentorshipStarted)]
[JsonDerivedType(typeof(MentorshipFinished), PersonEventTypes.MentorshipFinished)]
[JsonDerivedType(typeof(FundingEligibilityRecorded), PersonEventTypes.FundingEligibilityRecorded)]
[JsonDerivedType(typeof(StatusesRefreshed), PersonEventTypes.StatusesRefreshed)]
[JsonDerivedType(typeof(MovedOutOfFrozenCohort), PersonEventTypes.MovedOutOfFrozenCohort)]
[JsonDerivedType(typeof(MovedBackToFrozenCohort), PersonEventTypes.MovedBackToFrozenCohort)]
[JsonDerivedType(typeof(TrainingStatusChanged), PersonEventTypes.TrainingStatusChanged)]
[JsonDerivedType(typeof(DeclarationRecorded), PersonEventTypes.DeclarationRecorded)]
[JsonDerivedType(typeof(DeclarationStateChanged), PersonEventTypes.DeclarationStateChanged)]
public abstract record PersonEventData
{
    [JsonIgnore]
    public abstract string Type { get; }
}

public sealed record PersonCreated(string? Trn, string FullName, DateOnly? DateOfBirth) : PersonEventData
{
    public override string Type => PersonEventTypes.PersonCreated;
}

/// <summary>A new current contact email; the previous one (if any) stops being current.</summary>
public sealed record EmailChanged(string Address, string Source) : PersonEventData
{
    public override string Type => PersonEventTypes.EmailChanged;
}

/// <summary>The person's full name as a school now gives it (a registration of a known person with another name).</summary>
public sealed record NameChanged(string FullName) : PersonEventData
{
    public override string Type => PersonEventTypes.NameChanged;
}

/// <param name="PupilPremiumUplift">The school's pupil premium uplift for the cohort when the participation started.</param>
/// <param name="SparsityUplift">The school's sparsity uplift for the cohort when the participation started.</param>
public sealed record ParticipationStarted(string TrainingRecordId, string ParticipationType, bool PupilPremiumUplift = false, bool SparsityUplift = false) : PersonEventData
{
    public override string Type => PersonEventTypes.ParticipationStarted;
}

public sealed record SchoolPeriodStarted(string TrainingRecordId, AtSchoolPeriod Period) : PersonEventData
{
    public override string Type => PersonEventTypes.SchoolPeriodStarted;
}

public sealed record SchoolPeriodFinished(string TrainingRecordId, string PeriodId, DateOnly To) : PersonEventData
{
    public override string Type => PersonEventTypes.SchoolPeriodFinished;
}

public sealed record TrainingPeriodStarted(string TrainingRecordId, TrainingPeriod Period) : PersonEventData
{
    public override string Type => PersonEventTypes.TrainingPeriodStarted;
}

public sealed record TrainingPeriodFinished(string TrainingRecordId, string PeriodId, DateOnly To) : PersonEventData
{
    public override string Type => PersonEventTypes.TrainingPeriodFinished;
}

public sealed record InductionPeriodStarted(string TrainingRecordId, InductionPeriod Period) : PersonEventData
{
    public override string Type => PersonEventTypes.InductionPeriodStarted;
}

public sealed record MentorshipStarted(string TrainingRecordId, MentorshipPeriod Period) : PersonEventData
{
    public override string Type => PersonEventTypes.MentorshipStarted;
}

public sealed record MentorshipFinished(string TrainingRecordId, string PeriodId, DateOnly To) : PersonEventData
{
    public override string Type => PersonEventTypes.MentorshipFinished;
}

public sealed record FundingEligibilityRecorded(string TrainingRecordId, FundingEligibilityPeriod Period) : PersonEventData
{
    public override string Type => PersonEventTypes.FundingEligibilityRecorded;
}

/// <summary>
/// The daily refresh recomputed a participation's stored statuses because a start or end date was reached
/// (<see cref="ParticipationStatusRules.NextChangeOn(Participation)"/>); <paramref name="Statuses"/> are the statuses as of that day.
/// </summary>
public sealed record StatusesRefreshed(string TrainingRecordId, ParticipationStatuses Statuses) : PersonEventData
{
    public override string Type => PersonEventTypes.StatusesRefreshed;
}

/// <summary>
/// An unfinished ECT left a payments-frozen contract year (a transfer, docs/domain.md#frozen-years): the training that follows is in
/// <paramref name="Cohort"/> / <paramref name="ContractYear"/> and the participation is marked <c>cohort_changed_after_payments_frozen</c>.
/// </summary>
public sealed record MovedOutOfFrozenCohort(string TrainingRecordId, int FromCohort, int FromContractYear, int Cohort, int ContractYear) : PersonEventData
{
    public override string Type => PersonEventTypes.MovedOutOfFrozenCohort;
}

/// <summary>
/// An admin moved a participant who had left a payments-frozen contract year back into it, to declare against it
/// (docs/domain.md#frozen-years): the training that follows is in <paramref name="ContractYear"/> and the participation is no longer
/// marked <c>cohort_changed_after_payments_frozen</c>.
/// </summary>
public sealed record MovedBackToFrozenCohort(string TrainingRecordId, int FromContractYear, int ContractYear) : PersonEventData
{
    public override string Type => PersonEventTypes.MovedBackToFrozenCohort;
}

/// <summary>
/// A lead provider withdrew, deferred or resumed a participant: training period <paramref name="PeriodId"/>'s status went from
/// <paramref name="From"/> to <paramref name="To"/>, for <paramref name="Reason"/> (none for a resume). The withdrawal or deferral date is when it was recorded.
/// </summary>
public sealed record TrainingStatusChanged(string TrainingRecordId, string PeriodId, string From, string To, string? Reason) : PersonEventData
{
    public override string Type => PersonEventTypes.TrainingStatusChanged;
}

/// <summary>A lead provider declared a milestone; <paramref name="Declaration"/> is as created (state <c>submitted</c>).</summary>
public sealed record DeclarationRecorded(string TrainingRecordId, Declaration Declaration) : PersonEventData
{
    public override string Type => PersonEventTypes.DeclarationRecorded;
}

/// <summary>
/// A declaration's own state changed (docs/domain.md#declaration-states), with the statements its lines are on: <paramref name="StatementId"/>
/// and <paramref name="ClawbackStatementId"/> replace the declaration's when given; <paramref name="DetachStatement"/> takes it off its statement.
/// </summary>
public sealed record DeclarationStateChanged(
    string TrainingRecordId, string DeclarationId, string From, string To, string Reason, string? StatementId = null, string? ClawbackStatementId = null, bool DetachStatement = false) : PersonEventData
{
    public override string Type => PersonEventTypes.DeclarationStateChanged;
}
