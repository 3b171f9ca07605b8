using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Registrations;

/// <summary>Where a registration's training goes, or why it cannot go there.</summary>
public sealed record TrainingChoice(TrainingPlacement? Placement, RegistrationRefusal? Refusal);

/// <summary>
/// Pure choice of a registration's training placement (docs/domain.md#placement, #frozen-years, #schedules, #registration):
/// the cohort and contract year, the schedule and who trains the participant. The caller reads the school's active partnership
/// for <see cref="ContractYear"/> and passes it to <see cref="Choose"/>.
/// </summary>
public static class TrainingProviderChoice
{
    /// <summary>
    /// The contract year the training goes in: a transfer (<paramref name="moving"/>, the participation that changes school) keeps
    /// its training's years, except that an unfinished ECT in a payments-frozen year moves out of it
    /// (<see cref="CohortPlacement.ForTransfer"/>); otherwise the registration's <see cref="ValidRegistration.Choice"/>.
    /// </summary>
    public static int ContractYear(ValidRegistration registration, Participation? moving, IReadOnlyList<ContractPeriod> periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Transfer(moving, periods, now)?.ContractYear ?? registration.Choice.ContractYear;
    }

    /// <summary>
    /// Cohort and contract year as <see cref="ContractYear"/>. School-led training has no schedule or provider. Schedule: a moved-out
    /// ECT gets <c>ecf-extended-september</c>, a transfer keeps its provider-led schedule, otherwise <see cref="SchedulePlacement"/>.
    /// Provider: the one given (with the delivery partner given, which must work with it that year; or the school's partnership
    /// with that provider; or none yet, keeping a transfer's delivery partner of that provider), else
    /// <paramref name="schoolPartnership"/> (the school's active partnership of the contract year), else a transfer keeps its
    /// current provider; otherwise refused, as the school has no partnership for the year.
    /// </summary>
    public static TrainingChoice Choose(
        ValidRegistration registration,
        Participation? moving,
        Partnership? schoolPartnership,
        IReadOnlyCollection<ProviderRelationship> relationships,
        IReadOnlyList<ContractPeriod> periods,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(relationships);
        var latest = moving?.LatestTrainingPeriod;
        var transfer = Transfer(moving, periods, now);
        var movedOut = transfer?.MovedFromFrozen == true;
        var cohort = transfer?.Cohort ?? registration.Choice.Cohort;
        var contractYear = transfer?.ContractYear ?? registration.Choice.ContractYear;
        if (registration.TrainingProgramme == TrainingProgrammes.SchoolLed)
        {
            return Placed(new TrainingPlacement(TrainingProgrammes.SchoolLed, cohort, contractYear, null, null, null, null, movedOut));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var schedule = movedOut
            ? new ScheduleIdentifier(ScheduleType.Extended, ScheduleMonth.September).ToString()
            : latest is { TrainingProgramme: TrainingProgrammes.ProviderLed, ScheduleIdentifier: { } kept }
                ? kept
                : SchedulePlacement.For(registration.StartsOn(today), today, registration.Choice.MovedFromFrozen).ToString();
        TrainingChoice ProviderLed(Guid provider, Guid? partner, string? partnershipId) =>
            Placed(new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear, schedule, provider, partner, partnershipId, movedOut));

        if (registration.LeadProvider is { } given)
        {
            if (!given.IsActiveForEcf(contractYear))
            {
                return Refused(RegistrationRule.LeadProviderNotContracted, "lead_provider_id", RegistrationMessages.LeadProviderNotContracted(contractYear));
            }

            if (registration.DeliveryPartner is { } partner)
            {
                if (!relationships.Any(r => r.LeadProviderId == given.Id && r.DeliveryPartnerId == partner.Id && r.ContractYear == contractYear))
                {
                    return Refused(RegistrationRule.DeliveryPartnerNoRelationship, "delivery_partner_id", RegistrationMessages.NoRelationship(contractYear));
                }

                var through = schoolPartnership is { } p && p.LeadProviderId == given.Id && p.DeliveryPartnerId == partner.Id ? p.Id : null;
                return ProviderLed(given.Id, partner.Id, through);
            }

            if (schoolPartnership is { } withProvider && withProvider.LeadProviderId == given.Id)
            {
                return ProviderLed(given.Id, withProvider.DeliveryPartnerId, withProvider.Id);
            }

            return ProviderLed(given.Id, latest?.LeadProviderId == given.Id ? latest.DeliveryPartnerId : null, null);
        }

        if (schoolPartnership is { } school)
        {
            return ProviderLed(school.LeadProviderId, school.DeliveryPartnerId, school.Id);
        }

        if (latest is { TrainingProgramme: TrainingProgrammes.ProviderLed, LeadProviderId: { } current })
        {
            return ProviderLed(current, latest.DeliveryPartnerId, null);
        }

        return Refused(RegistrationRule.NoDefaultPartnership, "lead_provider_id", RegistrationMessages.NoDefaultPartnership(contractYear));
    }

    /// <summary>The placement a participation already has at its school: its open training period's (a repeat changes nothing).</summary>
    public static TrainingPlacement Current(Participation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        return participation.OpenTrainingPeriod is { } open
            ? new(open.TrainingProgramme, open.Cohort, open.ContractYear, open.ScheduleIdentifier, open.LeadProviderId, open.DeliveryPartnerId, open.PartnershipId)
            : new(TrainingProgrammes.SchoolLed, 0, 0, null, null, null, null);
    }

    private static CohortChoice? Transfer(Participation? moving, IReadOnlyList<ContractPeriod> periods, DateTimeOffset now) =>
        moving is null ? null : CohortPlacement.ForTransfer(moving, periods, now);

    private static TrainingChoice Placed(TrainingPlacement placement) => new(placement, null);

    private static TrainingChoice Refused(RegistrationRule rule, string attribute, string message) => new(null, new RegistrationRefusal(rule, attribute, message));
}
