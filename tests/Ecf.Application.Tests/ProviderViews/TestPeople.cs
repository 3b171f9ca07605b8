using Ecf.Domain.People;

namespace Ecf.Application.Tests.ProviderViews;

/// <summary>Person documents for projection tests, built directly (the projection reads only the document).</summary>
public static class TestPeople
{
    public static readonly DateTimeOffset Registered = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static Person Ect(Guid provider, int cohort = 2025, string? personId = null, Guid? deliveryPartner = null, string? partnershipId = null, int urn = 100001)
    {
        var id = personId ?? Guid.NewGuid().ToString("D");
        var record = Guid.NewGuid().ToString("D");
        var from = new DateOnly(cohort, 9, 1);
        return new Person
        {
            Id = id,
            PersonId = id,
            Trn = "1234567",
            FullName = "Ada Lovelace",
            DateOfBirth = new DateOnly(1990, 1, 31),
            Emails = [new PersonEmail("ada@example.org", EmailSources.SchoolRegistration, Registered, null, true)],
            Participations =
            [
                new Participation
                {
                    TrainingRecordId = record,
                    Type = ParticipationTypes.Ect,
                    CreatedAt = Registered,
                    AtSchoolPeriods = [new AtSchoolPeriod(record + ":school:1", "school-1", urn, from, null)],
                    TrainingPeriods =
                    [
                        new TrainingPeriod
                        {
                            Id = record + ":training:1",
                            AtSchoolPeriodId = record + ":school:1",
                            TrainingProgramme = TrainingProgrammes.ProviderLed,
                            LeadProviderId = provider,
                            DeliveryPartnerId = deliveryPartner ?? Guid.Parse("00000000-0000-0000-0000-00000000d001"),
                            PartnershipId = partnershipId,
                            ScheduleIdentifier = "ecf-standard-september",
                            Cohort = cohort,
                            ContractYear = cohort,
                            From = from,
                        },
                    ],
                    FundingEligibility = [new FundingEligibilityPeriod(record + ":eligibility:1", FundingEligibilityStatuses.ManualCheck, "none", "registration", from, null)],
                    Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, from),
                },
            ],
            TimelineSequence = 3,
            CreatedAt = Registered,
            UpdatedAt = Registered,
        };
    }

    /// <summary>The next version of a person: sequence + 1, updated a minute later.</summary>
    public static Person Next(this Person person, Func<Person, Person> change) =>
        change(person) with { TimelineSequence = person.TimelineSequence + 1, UpdatedAt = person.UpdatedAt.AddMinutes(1) };

    /// <summary>Moves the (only) participation to a new school with <paramref name="newProvider"/> from <paramref name="on"/>.</summary>
    public static Person Transferred(this Person person, Guid newProvider, DateOnly on, int newUrn = 100002) => person.Next(p =>
    {
        var participation = p.Participations[0];
        var record = participation.TrainingRecordId;
        var oldSchool = participation.AtSchoolPeriods[0] with { To = on };
        var oldTraining = participation.TrainingPeriods[0] with { To = on };
        var newSchool = new AtSchoolPeriod(record + ":school:2", "school-2", newUrn, on, null);
        var newTraining = participation.TrainingPeriods[0] with { Id = record + ":training:2", AtSchoolPeriodId = newSchool.Id, LeadProviderId = newProvider, From = on, To = null };
        return p with
        {
            Participations =
            [
                participation with
                {
                    AtSchoolPeriods = [oldSchool, newSchool],
                    TrainingPeriods = [oldTraining, newTraining],
                },
            ],
        };
    });
}
