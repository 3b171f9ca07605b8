using Ecf.Domain.Declarations;

namespace Ecf.Application.Errors;

/// <summary>Declarations and funding-eligibility decisions: ecf.36NN for their rules, ecf.46NN for their conflicts.</summary>
public sealed partial record ApiError
{
    /// <summary>The error of a declaration rule's refusal: its own code, the attribute as title, ECF's message.</summary>
    public static ApiError Declaration(DeclarationRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Rule switch
        {
            DeclarationRule.DeclarationNotFound or DeclarationRule.ParticipationNotFound => NotFound(),
            DeclarationRule.IdempotencyKeyReused => IdempotencyKeyReused(),
            _ => new(DeclarationCode(refusal.Rule), refusal.Attribute, refusal.Message, ApiErrorKind.Validation),
        };
    }

    public static IReadOnlyList<ApiError> Declaration(IEnumerable<DeclarationRefusal> refusals) => [.. refusals.Select(Declaration)];

    /// <summary>An <c>Idempotency-Key</c> used before with another request body.</summary>
    public static ApiError IdempotencyKeyReused() =>
        new("ecf.3640", "Idempotency-Key", "This Idempotency-Key was used with a different request in the last 24 hours. Use a new key for a new request.", ApiErrorKind.Validation);

    public static ApiError IdempotencyKeyInvalid() =>
        new("ecf.3641", "Idempotency-Key", "An Idempotency-Key must be 1 to 255 visible ASCII characters.", ApiErrorKind.BadRequest);

    public static ApiError DeclarationPersonKeptChanging() =>
        new("ecf.4601", "Conflict", "This participant's record kept changing while the request was decided; try again.", ApiErrorKind.Conflict);

    /// <summary>Each <see cref="DeclarationRule"/>'s code; stable, never reused.</summary>
    public static string DeclarationCode(DeclarationRule rule) => rule switch
    {
        DeclarationRule.ParticipantMissing => "ecf.3601",
        DeclarationRule.ParticipantNotRecognised => "ecf.3602",
        DeclarationRule.DeclarationDateMissing => "ecf.3603",
        DeclarationRule.DeclarationDateInvalid => "ecf.3604",
        DeclarationRule.DeclarationDateInFuture => "ecf.3605",
        DeclarationRule.DeclarationTypeMissing => "ecf.3606",
        DeclarationRule.DeclarationTypeNotOnSchedule => "ecf.3607",
        DeclarationRule.CourseMissing => "ecf.3608",
        DeclarationRule.CourseNotRecognised => "ecf.3609",
        DeclarationRule.BeforeMilestoneStart => "ecf.3610",
        DeclarationRule.AfterMilestoneEnd => "ecf.3611",
        DeclarationRule.OutOfSequence => "ecf.3612",
        DeclarationRule.AfterWithdrawal => "ecf.3613",
        DeclarationRule.MentorOnlyStartedOrCompleted => "ecf.3614",
        DeclarationRule.EvidenceHeldMissing => "ecf.3615",
        DeclarationRule.EvidenceHeldInvalid => "ecf.3616",
        DeclarationRule.AlreadyDeclared => "ecf.3617",
        DeclarationRule.FundingContractEnded => "ecf.3618",
        DeclarationRule.AlreadyVoided => "ecf.3620",
        DeclarationRule.ClawedBack => "ecf.3621",
        DeclarationRule.AlreadyRefunded => "ecf.3622",
        DeclarationRule.EligibilityStatusInvalid => "ecf.3630",
        DeclarationRule.EligibilityReasonMissing => "ecf.3631",
        DeclarationRule.EligibilityFromInvalid => "ecf.3632",
        DeclarationRule.EligibilityNoteInvalid => "ecf.3634",
        DeclarationRule.IdempotencyKeyReused => "ecf.3640",
        DeclarationRule.DeclarationNotFound or DeclarationRule.ParticipationNotFound => "ecf.2001",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "A declaration rule without a code."),
    };
}
