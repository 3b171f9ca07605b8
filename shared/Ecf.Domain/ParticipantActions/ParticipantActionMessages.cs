using System.Globalization;

namespace Ecf.Domain.ParticipantActions;

/// <summary>
/// ECF's messages for participant actions, word for word (docs/domain.md#participant-actions); the contract-year moves, which
/// ECF only runs from a console, have messages of our own naming the condition that failed.
/// </summary>
public static class ParticipantActionMessages
{
    public const string ParticipantNotRecognised = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.";
    public const string CourseMissing = "Enter a '#/course_identifier' value for this participant.";
    public const string CourseNotRecognised = "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.";
    public const string ReasonMissing = "The property '#/reason' must be present";
    public const string ReasonInvalid = "The property '#/reason' must be a valid reason";
    public const string AlreadyWithdrawn = "The participant is already withdrawn";
    public const string AlreadyDeferred = "The participant is already deferred";
    public const string AlreadyActive = "The participant is already active";
    public const string ScheduleInvalid = "The property '#/schedule_identifier' must be present and correspond to a valid schedule";
    public const string WithdrawnParticipant = "Cannot perform actions on a withdrawn participant";
    public const string ScheduleInvalidatesDeclarations = "Changing schedule would invalidate existing declarations. Please void them first.";
    public const string ScheduleAlreadyOnProfile = "Selected schedule is already on the profile";
    public const string ScheduleInvalidForCourse = "Selected schedule is not valid for the course";
    public const string CohortInvalid = "The '#/cohort' you have entered is invalid. Check cohort details and try again.";
    public const string CannotChangeCohort = "You cannot change the '#/cohort' field";
    public const string NoPartnershipForCohort = "You cannot change a participant to this cohort as you do not have a partnership with the school for the cohort. Contact the DfE for assistance.";

    public const string FrozenTransferNotOpenToProviders =
        "Moving a participant out of a payments-frozen cohort while leaving their billable declarations there is not open to lead providers. Contact the DfE if a participant needs to move.";

    public const string MoveNotRequested =
        "Set '#/attempt_to_transfer_leaving_billable_declarations' to true to move a participant between a payments-frozen contract year and the active registration year.";

    public const string NotAnEct = "Only early career teachers move between a payments-frozen contract year and the active registration year.";
    public const string NoBillableDeclaration = "The participant has no billable declaration other than 'completed', so there is nothing to leave in the payments-frozen contract year.";
    public const string CompletedDeclarationBillable = "The participant has a billable 'completed' declaration: their training is finished.";
    public const string InductionCompleted = "The participant has completed their induction.";
    public const string NotMovedOutOfFrozenYear = "The participant was not moved out of a payments-frozen contract year ('cohort_changed_after_payments_frozen' is false).";

    public static string ContractYearInvalid(string? given) =>
        $"The '#/contract_year' {(string.IsNullOrEmpty(given) ? "is missing" : "'" + given + "' is not a known contract year")}.";

    public static string SameContractYear(int year) => $"The participant is already in the {Year(year)} contract year.";

    public static string NotActiveRegistrationYear(int active) =>
        $"A participant leaving a payments-frozen contract year moves to the active registration contract year, {Year(active)}.";

    public static string CurrentYearNotFrozen(int year) => $"The participant's contract year {Year(year)} is not frozen for payments.";

    public static string DeclarationsInYearLeft(int year) =>
        $"The participant has billable or changeable declarations in the {Year(year)} contract year they would leave. Void them first.";

    public static string NoBillableDeclarationInTargetYear(int year) => $"The participant has no billable declarations in the {Year(year)} contract year.";

    public static string TargetYearNotFrozen(int year) => $"The {Year(year)} contract year is not frozen for payments: a participant moves back only to a payments-frozen year.";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
