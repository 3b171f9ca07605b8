namespace Ecf.Domain.People;

/// <summary>
/// Funding eligibility over [<see cref="From"/>, <see cref="To"/>): not a boolean but a status with its reason and source, so a
/// declaration is judged by the period covering its date. <see cref="FundingEligibilityStatuses.ManualCheck"/> until DQT checks run.
/// </summary>
/// <param name="Source">Who decided, e.g. <c>registration</c>, <c>dqt</c>, <c>admin</c>.</param>
public sealed record FundingEligibilityPeriod(string Id, string Status, string Reason, string Source, DateOnly From, DateOnly? To);
