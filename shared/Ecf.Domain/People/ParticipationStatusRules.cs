namespace Ecf.Domain.People;

/// <summary>The stored statuses of a participation (DOMAIN-FACTS §1.6), computed on write as of a day.</summary>
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
}
