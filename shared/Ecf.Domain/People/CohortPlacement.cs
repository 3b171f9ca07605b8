using Ecf.Domain.ParticipantActions;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.People;

/// <summary>
/// Which cohort (policy year) and contract year a registration goes in (docs/domain.md#placement, #frozen-years). The cohort is the year induction
/// started; the contract year is the cohort unless that year's payments are frozen, when it is the active registration cohort.
/// </summary>
public static class CohortPlacement
{
    /// <summary><c>Cohort::DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT</c>: where unfinished ECTs of frozen years go (docs/domain.md#frozen-years).</summary>
    public const int DestinationYearFromFrozenCohort = 2024;

    private static readonly DateOnly FirstCohortStart = new(2021, 9, 1);

    /// <summary><c>Cohort.current</c>: the period whose academic year started in (today − 1 year, today].</summary>
    public static ContractPeriod? Current(IReadOnlyList<ContractPeriod> periods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.LastOrDefault(p => p.AcademicYearStartDate > today.AddYears(-1) && p.AcademicYearStartDate <= today);
    }

    /// <summary><c>Cohort.active_registration_cohort</c>: the latest period whose registration has started.</summary>
    public static ContractPeriod? ActiveRegistration(IReadOnlyList<ContractPeriod> periods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.Where(p => p.RegistrationStartDate <= today).MaxBy(p => p.Year);
    }

    /// <summary><c>Cohort.for_induction_start_date</c>: before 1 Sep 2021 the current cohort; else months before June belong to the previous year.</summary>
    public static int? YearForInductionStart(DateOnly inductionStart, IReadOnlyList<ContractPeriod> periods, DateOnly today)
    {
        if (inductionStart < FirstCohortStart)
        {
            return Current(periods, today)?.Year;
        }

        return inductionStart.Month < 6 ? inductionStart.Year - 1 : inductionStart.Year;
    }

    /// <summary>
    /// An ECT with an induction start date: <see cref="YearForInductionStart"/> (the current cohort when unknown or ≤ 2020); when
    /// that year's payments are frozen at <paramref name="now"/>, the contract year is the active registration cohort.
    /// Null when the year is not a known contract period.
    /// </summary>
    public static CohortChoice? ForEct(DateOnly? inductionStart, IReadOnlyList<ContractPeriod> periods, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = inductionStart is { } start ? YearForInductionStart(start, periods, today) : null;
        if (year is null or <= 2020)
        {
            year = Current(periods, today)?.Year;
        }

        return year is { } y ? Choose(y, periods, now) : null;
    }

    /// <summary>A mentor (no induction date): the current cohort within its automatic assignment period, else the next one.</summary>
    public static CohortChoice? ForMentor(IReadOnlyList<ContractPeriod> periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var current = Current(periods, today);
        if (current is null)
        {
            return null;
        }

        var year = today <= current.AutomaticAssignmentPeriodEndDate ? current.Year : current.Year + 1;
        return Choose(periods.Any(p => p.Year == year) ? year : current.Year, periods, now);
    }

    /// <summary>
    /// A transfer or re-registration (docs/domain.md#placement step 1, #frozen-years): the years of the latest training are kept,
    /// unless it is an ECT whose induction is not finished and whose contract year's payments are frozen at <paramref name="now"/>.
    /// Then, with billable declarations left in that year (<see cref="ContractYearMoves.UnfinishedWithBillableDeclaration"/>), the
    /// contract year becomes the active registration year, keeping the cohort (<see cref="CohortChoice.MovedFromFrozen"/> set:
    /// extended schedule, <c>cohort_changed_after_payments_frozen</c>); with none, cohort and contract year become
    /// <see cref="DestinationYearFromFrozenCohort"/>, a fresh start. A billable <c>completed</c> declaration means finished: kept.
    /// Null when the participation has no training to keep (the caller places it as new).
    /// </summary>
    public static CohortChoice? ForTransfer(Participation participation, IReadOnlyList<ContractPeriod> periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(periods);
        if (participation.LatestTrainingPeriod is not { } latest)
        {
            return null;
        }

        var kept = new CohortChoice(latest.Cohort, latest.ContractYear, MovedFromFrozen: false);
        var frozen = periods.FirstOrDefault(p => p.Year == latest.ContractYear)?.PaymentsFrozen(now) == true;
        if (participation.Type != ParticipationTypes.Ect || ContractYearMoves.InductionCompleted(participation) || !frozen)
        {
            return kept;
        }

        if (ContractYearMoves.UnfinishedWithBillableDeclaration(participation))
        {
            var active = ActiveRegistration(periods, DateOnly.FromDateTime(now.UtcDateTime));
            return active is null || active.PaymentsFrozen(now) ? kept : new CohortChoice(latest.Cohort, active.Year, MovedFromFrozen: true);
        }

        if (!ContractYearMoves.HasNoBillableDeclaration(participation) || latest.ContractYear == DestinationYearFromFrozenCohort)
        {
            return kept;
        }

        var destination = periods.FirstOrDefault(p => p.Year == DestinationYearFromFrozenCohort);
        return destination is null || destination.PaymentsFrozen(now) ? kept : new CohortChoice(DestinationYearFromFrozenCohort, DestinationYearFromFrozenCohort, MovedFromFrozen: false);
    }

    private static CohortChoice? Choose(int year, IReadOnlyList<ContractPeriod> periods, DateTimeOffset now)
    {
        var period = periods.FirstOrDefault(p => p.Year == year);
        if (period is null)
        {
            return null;
        }

        if (!period.PaymentsFrozen(now))
        {
            return new CohortChoice(year, year, MovedFromFrozen: false);
        }

        var active = ActiveRegistration(periods, DateOnly.FromDateTime(now.UtcDateTime));
        return active is null || active.Year == year ? new CohortChoice(year, year, false) : new CohortChoice(year, active.Year, MovedFromFrozen: true);
    }
}
