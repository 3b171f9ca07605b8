using System.Globalization;

namespace Ecf.Domain.Declarations;

/// <summary>ECF's messages for declarations, word for word (docs/domain.md#declaration-rules), including its "RCF3339" typo.</summary>
public static class DeclarationMessages
{
    public const string ParticipantMissing = "Enter a '#/participant_id'.";
    public const string ParticipantNotRecognised = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.";
    public const string DeclarationDateMissing = "Enter a '#/declaration_date'.";
    public const string DeclarationDateInvalid = "Enter a valid RCF3339 '#/declaration_date'.";
    public const string DeclarationDateInFuture = "The '#/declaration_date' value cannot be a future date. Check the date and try again.";
    public const string DeclarationTypeMissing = "Enter a '#/declaration_type'.";
    public const string DeclarationTypeNotOnSchedule = "The property '#/declaration_type' does not exist for this schedule.";
    public const string CourseMissing = "Enter a '#/course_identifier'.";
    public const string CourseNotRecognised = "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.";
    public const string BeforeMilestoneStart = "Enter a '#/declaration_date' that's on or after the milestone start.";
    public const string AfterMilestoneEnd = "Enter a '#/declaration_date' that's before the milestone end date.";
    public const string OutOfSequence = "This '#/declaration_date' is invalid. Check that it is in sequence with existing declaration dates for this participant.";
    public const string MentorOnlyStartedOrCompleted = "You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.";
    public const string EvidenceHeldMissing = "Enter a '#/evidence_held' value for this participant.";
    public const string EvidenceHeldInvalid = "Enter an available '#/evidence_held' type for this participant's event and course.";
    public const string AlreadyDeclared = "A declaration has already been submitted that will be, or has been, paid for this event";
    public const string AlreadyVoided = "This declaration has already been voided.";
    public const string ClawedBack = "This declaration has been clawed-back, so you can only view it.";
    public const string AlreadyRefunded = "The declaration will or has been be refunded.";

    public static string AfterWithdrawal(DateTimeOffset withdrawnAt) =>
        $"This participant withdrew from this course on {withdrawnAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}. Enter a '#/declaration_date' that's on or before the withdrawal date.";

    public static string FundingContractEnded(int contractYear) =>
        $"You cannot submit or void declarations for the {contractYear.ToString(CultureInfo.InvariantCulture)} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.";
}
