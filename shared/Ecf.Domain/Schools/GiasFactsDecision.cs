namespace Ecf.Domain.Schools;

/// <summary>The result of <see cref="SchoolDecider.ApplyFacts"/>: the outcome and, when something changed, the school to write.</summary>
public sealed record GiasFactsDecision(GiasFactsOutcome Outcome, School? School)
{
    public bool Changed => Outcome is GiasFactsOutcome.Created or GiasFactsOutcome.Updated;
}
