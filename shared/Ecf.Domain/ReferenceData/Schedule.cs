namespace Ecf.Domain.ReferenceData;

/// <summary>An ECF schedule of one contract year and its milestones, in declaration order.</summary>
/// <param name="ContractYear">The contract period (cohort) the schedule belongs to; it defines who pays.</param>
/// <param name="Identifier">e.g. <c>ecf-standard-september</c>.</param>
public sealed record Schedule(int ContractYear, string Identifier, IReadOnlyList<Milestone> Milestones)
{
    public ScheduleType Type => ScheduleIdentifier.Parse(Identifier).Type;

    public ScheduleMonth Month => ScheduleIdentifier.Parse(Identifier).Month;

    /// <summary>True when <paramref name="declarationType"/> has a milestone on this schedule.</summary>
    public bool Allows(string declarationType) => FindMilestone(declarationType) is not null;

    /// <summary>The milestone of <paramref name="declarationType"/>, or null when the schedule has none.</summary>
    public Milestone? FindMilestone(string declarationType) =>
        Milestones.FirstOrDefault(m => string.Equals(m.DeclarationType, declarationType, StringComparison.Ordinal));
}
