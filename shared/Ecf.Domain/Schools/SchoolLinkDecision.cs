namespace Ecf.Domain.Schools;

/// <summary>
/// What <see cref="SchoolLinkDecider.Decide"/> decided: the documents to write (null: leave as is), why nothing was done (or why
/// the link was refused), and the link it applies.
/// </summary>
public sealed record SchoolLinkDecision(SchoolLinkOutcome Outcome, School? Predecessor, School? Successor, string? Reason = null, GiasLink? Link = null)
{
    public static SchoolLinkDecision NotApplicable(string reason) => new(SchoolLinkOutcome.NotApplicable, null, null, reason);

    /// <summary>
    /// The school whose own record this decision retires: at academisation the successor's record (it becomes a pointer), at a
    /// merge the predecessor. Null otherwise, and when completing a half-applied academisation (already decided by an earlier run).
    /// Such a decision must not be applied if that school has registrations or partnerships (<see cref="SchoolLinkDecider.Refuse"/>).
    /// </summary>
    public string? RetiredSchoolId => Outcome switch
    {
        SchoolLinkOutcome.Academised when Predecessor is not null => Successor?.SchoolId,
        SchoolLinkOutcome.Merged => Predecessor?.SchoolId,
        _ => null,
    };
}
