namespace Ecf.Domain.People;

/// <summary>Statutory induction, [<see cref="StartedOn"/>, <see cref="FinishedOn"/>), with its outcome once finished.</summary>
/// <param name="Outcome"><c>pass</c>, <c>fail</c> or null.</param>
public sealed record InductionPeriod(string Id, DateOnly StartedOn, DateOnly? FinishedOn, string? Outcome);
