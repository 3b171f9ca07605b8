namespace Ecf.Domain.Schools;

/// <summary>What <see cref="SchoolLinkDecider.Decide"/> decided: the documents to write (null: leave as is) and why nothing was done.</summary>
public sealed record SchoolLinkDecision(SchoolLinkOutcome Outcome, School? Predecessor, School? Successor, string? Reason = null)
{
    public static SchoolLinkDecision NotApplicable(string reason) => new(SchoolLinkOutcome.NotApplicable, null, null, reason);
}
