namespace Ecf.Domain.People;

/// <summary>A placement's two years: <paramref name="Cohort"/> (policy) and <paramref name="ContractYear"/> (finance).</summary>
/// <param name="MovedFromFrozen">The cohort's payments are frozen, so another year's contract pays.</param>
public sealed record CohortChoice(int Cohort, int ContractYear, bool MovedFromFrozen);
