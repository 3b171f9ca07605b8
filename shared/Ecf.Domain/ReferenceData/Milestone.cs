namespace Ecf.Domain.ReferenceData;

/// <summary>One milestone of an ECF schedule: the window in which a declaration of <see cref="DeclarationType"/> may be dated.</summary>
/// <param name="DeclarationType">e.g. <c>started</c>, <c>retained-1</c>.</param>
/// <param name="StartDate">First day a declaration of this type may be dated.</param>
/// <param name="MilestoneDate">The cut-off (last day, inclusive); null when none (non-standard schedules, 2025 onwards).</param>
/// <param name="PaymentDate">When this milestone is paid; null when no payment date is scheduled.</param>
public sealed record Milestone(string DeclarationType, DateOnly StartDate, DateOnly? MilestoneDate, DateOnly? PaymentDate)
{
    /// <summary>True when <paramref name="declarationDate"/> is on or after the start and, if there is a cut-off, on or before it.</summary>
    public bool Accepts(DateOnly declarationDate) => declarationDate >= StartDate && (MilestoneDate is not { } cutOff || declarationDate <= cutOff);
}
