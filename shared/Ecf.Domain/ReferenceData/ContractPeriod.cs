namespace Ecf.Domain.ReferenceData;

/// <summary>
/// A contract period (ECF "cohort", RECT <c>contract_periods</c>): the call-off contract year that pays for training.
/// </summary>
/// <param name="Year">The start year, e.g. 2024 for the period that starts in June 2024.</param>
/// <param name="StartedOn">First day of the period (1 June).</param>
/// <param name="FinishedOn">Last day of the period (31 May of the next year).</param>
/// <param name="Enabled">Open for new registrations in RECT.</param>
/// <param name="RegistrationStartDate">When schools may start registering for it (ECF <c>registration_start_date</c>).</param>
/// <param name="AcademicYearStartDate">1 September of <paramref name="Year"/>.</param>
/// <param name="AutomaticAssignmentPeriodEndDate">Until this date, new registrations default to this period.</param>
/// <param name="PaymentsFrozenAt">When payments for this period stopped; null while it is open for payment.</param>
/// <param name="MentorFunding">Mentors are funded separately and may only declare started and completed (from 2025).</param>
/// <param name="DetailedEvidenceTypes">The detailed <c>evidence_held</c> values apply (from 2025).</param>
/// <param name="UpliftFeesEnabled">Sparsity and pupil-premium uplifts are paid (until 2024).</param>
public sealed record ContractPeriod(
    int Year,
    DateOnly StartedOn,
    DateOnly FinishedOn,
    bool Enabled,
    DateOnly RegistrationStartDate,
    DateOnly AcademicYearStartDate,
    DateOnly AutomaticAssignmentPeriodEndDate,
    DateTimeOffset? PaymentsFrozenAt,
    bool MentorFunding,
    bool DetailedEvidenceTypes,
    bool UpliftFeesEnabled)
{
    /// <summary>True when payments are frozen at <paramref name="at"/> (set and <c>at &gt;= PaymentsFrozenAt</c>).</summary>
    public bool PaymentsFrozen(DateTimeOffset at) => PaymentsFrozenAt is { } frozenAt && at >= frozenAt;

    /// <summary>True when <paramref name="date"/> falls within <see cref="StartedOn"/>..<see cref="FinishedOn"/>.</summary>
    public bool Contains(DateOnly date) => date >= StartedOn && date <= FinishedOn;
}
