namespace Ecf.Domain.People;

/// <summary>The stored statuses of a participation (docs/domain.md#statuses), computed on write as of a day.</summary>
public static class ParticipationStatusRules
{
    /// <summary>
    /// <c>participant_status</c> from the latest at-school period: finished → <c>leaving</c> if the end is after
    /// <paramref name="today"/>, else <c>left</c>; starting after today → <c>joining</c>; otherwise <c>withdrawn</c> when the
    /// latest training is withdrawn, else <c>active</c>. <c>eligible_for_funding</c> is null while the current eligibility needs a manual check.
    /// </summary>
    public static ParticipationStatuses Compute(Participation participation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(participation);
        var trainingStatus = participation.LatestTrainingPeriod?.TrainingStatus ?? TrainingStatuses.Active;
        var school = participation.LatestAtSchoolPeriod;
        var participantStatus = school switch
        {
            { To: { } to } => to > today ? ParticipantStatuses.Leaving : ParticipantStatuses.Left,
            { From: var from } when from > today => ParticipantStatuses.Joining,
            _ => trainingStatus == TrainingStatuses.Withdrawn ? ParticipantStatuses.Withdrawn : ParticipantStatuses.Active,
        };
        bool? eligible = participation.CurrentFundingEligibility?.Status switch
        {
            FundingEligibilityStatuses.Eligible => true,
            FundingEligibilityStatuses.Ineligible => false,
            _ => null,
        };
        return new ParticipationStatuses(trainingStatus, participantStatus, eligible, today);
    }

    /// <summary>
    /// The first day after the stored statuses' <see cref="ParticipationStatuses.AsOf"/> on which they would change by themselves:
    /// the earliest at-school start or end date after it (<c>joining</c> → <c>active</c>, <c>leaving</c> → <c>left</c>, a transfer
    /// <c>incomplete</c> → <c>complete</c>). Null when no date-driven change is pending.
    /// </summary>
    public static DateOnly? NextChangeOn(Participation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        var asOf = participation.Statuses.AsOf;
        DateOnly? next = null;
        foreach (var period in participation.AtSchoolPeriods)
        {
            next = Earliest(next, period.From > asOf ? period.From : null);
            next = Earliest(next, period.To > asOf ? period.To : null);
        }

        return next;
    }

    /// <summary>The earliest <see cref="NextChangeOn(Participation)"/> of the person's participations (stored as <see cref="Person.NextStatusChangeOn"/>).</summary>
    public static DateOnly? NextChangeOn(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        DateOnly? next = null;
        foreach (var participation in person.Participations)
        {
            next = Earliest(next, NextChangeOn(participation));
        }

        return next;
    }

    /// <summary>True when some stored status of <paramref name="participation"/> is out of date on <paramref name="today"/>.</summary>
    public static bool IsStale(Participation participation, DateOnly today) => NextChangeOn(participation) is { } next && next <= today;

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
