using Ecf.Domain.Declarations;
using Ecf.Domain.People;

namespace Ecf.TestKit;

/// <summary>
/// Person documents built directly, for tests and benchmarks of code that reads only the document (projections, views,
/// lists). Code that decides changes is tested through its commands instead.
/// </summary>
public static class TestPeople
{
    public static readonly DateTimeOffset Registered = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly Guid DefaultDeliveryPartner = Guid.Parse("00000000-0000-0000-0000-00000000d001");

    /// <summary>
    /// One participation (ECT or mentor) at one school from 1 September of <paramref name="cohort"/>; provider-led with
    /// <paramref name="provider"/>, or with no training period when it is null.
    /// </summary>
    public static Person Participant(
        string type,
        Guid? provider,
        int cohort = 2025,
        string? personId = null,
        Guid? deliveryPartner = null,
        string? partnershipId = null,
        int urn = 100001,
        string schoolId = "school-1",
        string trn = "1234567",
        string fullName = "Ada Lovelace",
        string email = "ada@example.org",
        DateOnly? dateOfBirth = null,
        DateTimeOffset? createdAt = null,
        string? trainingRecordId = null,
        int timelineSequence = 3)
    {
        var id = personId ?? Guid.NewGuid().ToString("D");
        var record = trainingRecordId ?? Guid.NewGuid().ToString("D");
        var at = createdAt ?? Registered;
        var from = new DateOnly(cohort, 9, 1);
        return new Person
        {
            Id = id,
            PersonId = id,
            Trn = trn,
            FullName = fullName,
            DateOfBirth = dateOfBirth ?? new DateOnly(1990, 1, 31),
            Emails = [new PersonEmail(email, EmailSources.SchoolRegistration, at, null, true)],
            Participations =
            [
                new Participation
                {
                    TrainingRecordId = record,
                    Type = type,
                    CreatedAt = at,
                    AtSchoolPeriods = [new AtSchoolPeriod(record + ":school:1", schoolId, urn, from, null)],
                    TrainingPeriods = provider is { } lead
                        ?
                        [
                            new TrainingPeriod
                            {
                                Id = record + ":training:1",
                                AtSchoolPeriodId = record + ":school:1",
                                TrainingProgramme = TrainingProgrammes.ProviderLed,
                                LeadProviderId = lead,
                                DeliveryPartnerId = deliveryPartner,
                                PartnershipId = partnershipId,
                                ScheduleIdentifier = "ecf-standard-september",
                                Cohort = cohort,
                                ContractYear = cohort,
                                From = from,
                            },
                        ]
                        : [],
                    FundingEligibility = [new FundingEligibilityPeriod(record + ":eligibility:1", FundingEligibilityStatuses.ManualCheck, "none", "registration", from, null)],
                    Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, from),
                },
            ],
            TimelineSequence = timelineSequence,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>An ECT trained by <paramref name="provider"/> with a delivery partner.</summary>
    public static Person Ect(Guid provider, int cohort = 2025, string? personId = null, Guid? deliveryPartner = null, string? partnershipId = null, int urn = 100001) =>
        Participant(ParticipationTypes.Ect, provider, cohort, personId, deliveryPartner ?? DefaultDeliveryPartner, partnershipId, urn);

    /// <summary>A mentor registered an hour after <see cref="Registered"/>, trained by <paramref name="provider"/> or by nobody.</summary>
    public static Person Mentor(Guid? provider, string? personId = null)
    {
        var id = personId ?? Guid.NewGuid().ToString("D");
        return Participant(
            ParticipationTypes.Mentor, provider, personId: id, trn: "7654321", fullName: "Grace Hopper", email: "grace@example.org",
            createdAt: Registered.AddHours(1), trainingRecordId: id + ":mentor", timelineSequence: 2);
    }

    /// <summary>The next version of a person: sequence + 1, updated a minute later.</summary>
    public static Person Next(this Person person, Func<Person, Person> change)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(change);
        return change(person) with { TimelineSequence = person.TimelineSequence + 1, UpdatedAt = person.UpdatedAt.AddMinutes(1) };
    }

    /// <summary>Moves the (only) participation to a new school with <paramref name="newProvider"/> from <paramref name="on"/>.</summary>
    public static Person Transferred(this Person person, Guid newProvider, DateOnly on, int newUrn = 100002, string newSchoolId = "school-2") => person.Next(p =>
    {
        var participation = p.Participations[0];
        var record = participation.TrainingRecordId;
        var oldSchool = participation.AtSchoolPeriods[0] with { To = on };
        var oldTraining = participation.TrainingPeriods[0] with { To = on };
        var newSchool = new AtSchoolPeriod(record + ":school:2", newSchoolId, newUrn, on, null);
        var newTraining = participation.TrainingPeriods[0] with { Id = record + ":training:2", AtSchoolPeriodId = newSchool.Id, LeadProviderId = newProvider, From = on, To = null };
        return p with { Participations = [participation with { AtSchoolPeriods = [oldSchool, newSchool], TrainingPeriods = [oldTraining, newTraining] }] };
    });

    /// <summary>The ECT's (only) participation mentored by <paramref name="mentor"/> from 1 September 2025.</summary>
    public static Person WithMentor(this Person ect, Person mentor)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        return ect.Next(p => p with
        {
            Participations =
            [
                p.Participations[0] with
                {
                    MentorshipPeriods = [new MentorshipPeriod(p.Participations[0].TrainingRecordId + ":mentorship:1", mentor.PersonId, mentor.Participations[0].TrainingRecordId, new DateOnly(2025, 9, 1), null)],
                },
            ],
        });
    }

    /// <summary>
    /// The next version with a declaration by <paramref name="provider"/> on the (only) participation, made then (its created and
    /// updated time are the new version's), under the participation's latest training period with that provider.
    /// </summary>
    public static Person Declared(
        this Person person, Guid provider, string? declarationId = null, string declarationType = "started", string state = DeclarationStates.Submitted, string? statementId = null) =>
        person.Next(p =>
        {
            var participation = p.Participations[0];
            var training = participation.TrainingPeriods.LastOrDefault(t => t.LeadProviderId == provider) ?? participation.TrainingPeriods[^1];
            var at = p.UpdatedAt.AddMinutes(1);
            var declaration = new Declaration
            {
                Id = declarationId ?? Guid.NewGuid().ToString("D"),
                TrainingPeriodId = training.Id,
                LeadProviderId = provider,
                CourseIdentifier = participation.Type == ParticipationTypes.Ect ? CourseIdentifiers.EcfInduction : CourseIdentifiers.EcfMentor,
                DeclarationType = declarationType,
                DeclarationDate = at.AddDays(-1),
                Cohort = training.Cohort,
                ContractYear = training.ContractYear,
                DeliveryPartnerId = training.DeliveryPartnerId,
                State = state,
                StatementId = statementId,
                CreatedAt = at,
                UpdatedAt = at,
            };
            return p with { Participations = [participation with { Declarations = [.. participation.Declarations, declaration] }, .. p.Participations.Skip(1)] };
        });

    /// <summary>The next version with declaration <paramref name="declarationId"/> moved to <paramref name="state"/> then.</summary>
    public static Person DeclarationMoved(this Person person, string declarationId, string state) => person.Next(p =>
    {
        var at = p.UpdatedAt.AddMinutes(1);
        return p with
        {
            Participations =
            [
                .. p.Participations.Select(x => x with
                {
                    Declarations = [.. x.Declarations.Select(d => d.Id == declarationId ? d with { State = state, UpdatedAt = at } : d)],
                }),
            ],
        };
    });
}
