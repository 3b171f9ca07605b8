using Ecf.Domain.ParticipantActions;

namespace Ecf.Application.Errors;

/// <summary>Participant actions (withdraw, defer, resume, change schedule, contract-year moves): ecf.37NN for their rules.</summary>
public sealed partial record ApiError
{
    /// <summary>The error of a participant-action rule's refusal: its own code, the attribute as title, the message.</summary>
    public static ApiError ParticipantAction(ParticipantActionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Rule == ParticipantActionRule.ParticipationNotFound
            ? NotFound()
            : new(ParticipantActionCode(refusal.Rule), refusal.Attribute, refusal.Message, ApiErrorKind.Validation);
    }

    public static IReadOnlyList<ApiError> ParticipantAction(IEnumerable<ParticipantActionRefusal> refusals) => [.. refusals.Select(ParticipantAction)];

    /// <summary>Each <see cref="ParticipantActionRule"/>'s code; stable, never reused.</summary>
    public static string ParticipantActionCode(ParticipantActionRule rule) => rule switch
    {
        ParticipantActionRule.ParticipantNotRecognised => "ecf.3701",
        ParticipantActionRule.CourseMissing => "ecf.3702",
        ParticipantActionRule.CourseNotRecognised => "ecf.3703",
        ParticipantActionRule.ReasonMissing => "ecf.3704",
        ParticipantActionRule.ReasonInvalid => "ecf.3705",
        ParticipantActionRule.AlreadyWithdrawn => "ecf.3706",
        ParticipantActionRule.AlreadyDeferred => "ecf.3707",
        ParticipantActionRule.AlreadyActive => "ecf.3708",
        ParticipantActionRule.ScheduleInvalid => "ecf.3710",
        ParticipantActionRule.WithdrawnParticipant => "ecf.3711",
        ParticipantActionRule.ScheduleInvalidatesDeclarations => "ecf.3712",
        ParticipantActionRule.ScheduleAlreadyOnProfile => "ecf.3713",
        ParticipantActionRule.ScheduleInvalidForCourse => "ecf.3714",
        ParticipantActionRule.CohortInvalid => "ecf.3715",
        ParticipantActionRule.CannotChangeCohort => "ecf.3716",
        ParticipantActionRule.NoPartnershipForCohort => "ecf.3717",
        ParticipantActionRule.FrozenTransferNotOpenToProviders => "ecf.3718",
        ParticipantActionRule.ContractYearInvalid => "ecf.3730",
        ParticipantActionRule.MoveNotRequested => "ecf.3731",
        ParticipantActionRule.NotAnEct => "ecf.3732",
        ParticipantActionRule.SameContractYear => "ecf.3733",
        ParticipantActionRule.NotActiveRegistrationYear => "ecf.3734",
        ParticipantActionRule.CurrentYearNotFrozen => "ecf.3735",
        ParticipantActionRule.NoBillableDeclaration => "ecf.3736",
        ParticipantActionRule.CompletedDeclarationBillable => "ecf.3737",
        ParticipantActionRule.InductionCompleted => "ecf.3738",
        ParticipantActionRule.NotMovedOutOfFrozenYear => "ecf.3739",
        ParticipantActionRule.DeclarationsInYearLeft => "ecf.3740",
        ParticipantActionRule.NoBillableDeclarationInTargetYear => "ecf.3741",
        ParticipantActionRule.TargetYearNotFrozen => "ecf.3742",
        ParticipantActionRule.ParticipationNotFound => "ecf.2001",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "A participant-action rule without a code."),
    };
}
