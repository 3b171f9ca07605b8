namespace Ecf.Domain.Schools;

public enum SchoolLinkOutcome
{
    /// <summary>The predecessor keeps its identity and takes the successor's URN; the successor's own record becomes a pointer to it.</summary>
    Academised,

    /// <summary>The predecessor is merged into its successor.</summary>
    Merged,

    /// <summary>Already applied by an earlier run: nothing to write.</summary>
    AlreadyApplied,

    /// <summary>
    /// Refused: applying it would retire a school record that already has registrations or partnerships. Both schools stay as
    /// they are; the predecessor's timeline records the refusal (once).
    /// </summary>
    Refused,

    /// <summary>Not applicable: the predecessor is not closed, the successor is not open, or the links are ambiguous.</summary>
    NotApplicable,
}
