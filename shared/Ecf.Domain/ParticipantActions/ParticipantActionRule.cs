using Ecf.Domain.People;

namespace Ecf.Domain.ParticipantActions;

/// <summary>Every rule a participant action (withdraw, defer, resume, change schedule, change contract year) can break; each has its own error code.</summary>
public enum ParticipantActionRule
{
    ParticipantNotRecognised,
    CourseMissing,
    CourseNotRecognised,
    ReasonMissing,
    ReasonInvalid,
    AlreadyWithdrawn,
    AlreadyDeferred,
    AlreadyActive,
    ScheduleInvalid,
    WithdrawnParticipant,
    ScheduleInvalidatesDeclarations,
    ScheduleAlreadyOnProfile,
    ScheduleInvalidForCourse,
    CohortInvalid,
    CannotChangeCohort,
    NoPartnershipForCohort,
    FrozenTransferNotOpenToProviders,
    ParticipationNotFound,
    ContractYearInvalid,
    MoveNotRequested,
    NotAnEct,
    SameContractYear,
    NotActiveRegistrationYear,
    CurrentYearNotFrozen,
    NoBillableDeclaration,
    CompletedDeclarationBillable,
    InductionCompleted,
    NotMovedOutOfFrozenYear,
    DeclarationsInYearLeft,
    NoBillableDeclarationInTargetYear,
    TargetYearNotFrozen,
}

/// <summary>A broken rule: which, the attribute it concerns (ECF's error <c>title</c>) and the message.</summary>
public sealed record ParticipantActionRefusal(ParticipantActionRule Rule, string Attribute, string Message);

/// <summary>What a participant action decided: the events to append and the person after them, or the refusals (nothing to write).</summary>
public sealed record ParticipantActionDecision(IReadOnlyList<PersonEvent> Events, Person? Person, IReadOnlyList<ParticipantActionRefusal> Refusals) : IPersonChange
{
    public bool Refused => Refusals.Count > 0;

    public static ParticipantActionDecision Refuse(IReadOnlyList<ParticipantActionRefusal> refusals) => new([], null, refusals);

    public static ParticipantActionDecision Refuse(ParticipantActionRule rule, string attribute, string message) => Refuse([new ParticipantActionRefusal(rule, attribute, message)]);
}
