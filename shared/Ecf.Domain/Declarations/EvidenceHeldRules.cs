using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Declarations;

/// <summary>
/// Which <c>evidence_held</c> values a declaration may carry (docs/domain.md#evidence-held): up to the 2024 contract year,
/// <c>started</c> takes none (a value sent is dropped) and every other type needs one of three; from 2025 (detailed evidence
/// types) the values depend on the participant and the declaration type, and only <c>started</c> may leave it blank.
/// </summary>
public static class EvidenceHeldRules
{
    public const string TrainingEventAttended = "training-event-attended";
    public const string SelfStudyMaterialCompleted = "self-study-material-completed";
    public const string MaterialsEngagedWithOffline = "materials-engaged-with-offline";
    public const string Other = "other";
    public const string EngagementMet = "75-percent-engagement-met";
    public const string EngagementMetReducedInduction = "75-percent-engagement-met-reduced-induction";
    public const string OneTermInduction = "one-term-induction";

    private static readonly string[] Simple = [TrainingEventAttended, SelfStudyMaterialCompleted, Other];
    private static readonly string[] Activity = [TrainingEventAttended, SelfStudyMaterialCompleted, MaterialsEngagedWithOffline, Other];
    private static readonly string[] Engagement = [EngagementMet, EngagementMetReducedInduction];
    private static readonly string[] EctCompleted = [EngagementMet, EngagementMetReducedInduction, OneTermInduction];

    /// <summary>The value to store (null when none is kept), or the refusal.</summary>
    public static (string? Value, DeclarationRefusal? Refusal) Check(string? evidenceHeld, string declarationType, string participationType, bool detailedEvidenceTypes)
    {
        var value = string.IsNullOrWhiteSpace(evidenceHeld) ? null : evidenceHeld;
        if (!detailedEvidenceTypes)
        {
            if (declarationType == DeclarationType.Started)
            {
                return (null, null);
            }

            return value is null ? (null, Missing()) : Simple.Contains(value, StringComparer.Ordinal) ? (value, null) : (null, Invalid());
        }

        if (value is null)
        {
            return declarationType == DeclarationType.Started ? (null, null) : (null, Missing());
        }

        var allowed = Allowed(declarationType, participationType);
        return allowed.Contains(value, StringComparer.Ordinal) ? (value, null) : (null, Invalid());
    }

    /// <summary>The detailed values allowed for a type and participant (empty when the type takes none).</summary>
    public static IReadOnlyList<string> Allowed(string declarationType, string participationType) => (participationType, declarationType) switch
    {
        (ParticipationTypes.Mentor, DeclarationType.Started) => Activity,
        (ParticipationTypes.Mentor, DeclarationType.Completed) => Engagement,
        (ParticipationTypes.Mentor, _) => [],
        (_, DeclarationType.Retained2) => Engagement,
        (_, DeclarationType.Completed) => EctCompleted,
        _ => Activity,
    };

    private static DeclarationRefusal Missing() => new(DeclarationRule.EvidenceHeldMissing, "evidence_held", DeclarationMessages.EvidenceHeldMissing);

    private static DeclarationRefusal Invalid() => new(DeclarationRule.EvidenceHeldInvalid, "evidence_held", DeclarationMessages.EvidenceHeldInvalid);
}
