namespace Ecf.Domain.Schools;

public enum GiasFactsOutcome
{
    /// <summary>A school seen for the first time.</summary>
    Created,

    /// <summary>Facts changed; new events appended.</summary>
    Updated,

    /// <summary>Same facts as stored: nothing to write.</summary>
    Unchanged,

    /// <summary>The row is for a URN the school no longer uses (it took a successor's URN): the current URN's row wins.</summary>
    PastUrn,
}
