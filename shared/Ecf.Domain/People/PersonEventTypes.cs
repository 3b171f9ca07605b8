namespace Ecf.Domain.People;

/// <summary>Timeline event types (past tense); each is the discriminator of one <see cref="PersonEventData"/> record.</summary>
public static class PersonEventTypes
{
    public const string PersonCreated = "person_created";
    public const string EmailChanged = "email_changed";
    public const string NameChanged = "name_changed";
    public const string ParticipationStarted = "participation_started";
    public const string SchoolPeriodStarted = "school_period_started";
    public const string SchoolPeriodFinished = "school_period_finished";
    public const string TrainingPeriodStarted = "training_period_started";
    public const string TrainingPeriodFinished = "training_period_finished";
    public const string InductionPeriodStarted = "induction_period_started";
    public const string MentorshipStarted = "mentorship_started";
    public const string MentorshipFinished = "mentorship_finished";
    public const string FundingEligibilityRecorded = "funding_eligibility_recorded";
    public const string StatusesRefreshed = "statuses_refreshed";
    public const string MovedOutOfFrozenCohort = "moved_out_of_frozen_cohort";
    public const string MovedBackToFrozenCohort = "moved_back_to_frozen_cohort";
    public const string TrainingStatusChanged = "training_status_changed";
    public const string DeclarationRecorded = "declaration_recorded";
    public const string DeclarationStateChanged = "declaration_state_changed";
}
