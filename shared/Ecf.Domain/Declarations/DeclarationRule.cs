namespace Ecf.Domain.Declarations;

/// <summary>Every rule a declaration, a void or an eligibility decision can break; each has its own error code.</summary>
public enum DeclarationRule
{
    ParticipantMissing,
    ParticipantNotRecognised,
    DeclarationDateMissing,
    DeclarationDateInvalid,
    DeclarationDateInFuture,
    DeclarationTypeMissing,
    DeclarationTypeNotOnSchedule,
    CourseMissing,
    CourseNotRecognised,
    BeforeMilestoneStart,
    AfterMilestoneEnd,
    OutOfSequence,
    AfterWithdrawal,
    MentorOnlyStartedOrCompleted,
    EvidenceHeldMissing,
    EvidenceHeldInvalid,
    AlreadyDeclared,
    FundingContractEnded,
    AlreadyVoided,
    ClawedBack,
    AlreadyRefunded,
    DeclarationNotFound,
    EligibilityStatusInvalid,
    EligibilityReasonMissing,
    EligibilityFromInvalid,
    EligibilityNoteInvalid,
    ParticipationNotFound,
    IdempotencyKeyReused,
}

/// <summary>A broken rule: which, the attribute it concerns (ECF's error <c>title</c>) and the message.</summary>
public sealed record DeclarationRefusal(DeclarationRule Rule, string Attribute, string Message);
