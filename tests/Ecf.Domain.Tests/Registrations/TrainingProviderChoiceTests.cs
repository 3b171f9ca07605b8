using Ecf.Domain.Declarations;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Registrations;
using static Ecf.Domain.Tests.Registrations.RegistrationFixtures;

namespace Ecf.Domain.Tests.Registrations;

/// <summary>The placement of a registration's training (years, schedule, provider), without a store.</summary>
public sealed class TrainingProviderChoiceTests
{
    private static readonly Partnership SchoolPartnership = new()
    {
        Id = "partnership-1",
        SchoolId = School.SchoolId,
        LeadProviderId = Provider.Id,
        DeliveryPartnerId = Partner.Id,
        ContractYear = 2025,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    [Fact]
    public void Choose_SchoolLed_NoScheduleOrProvider()
    {
        var choice = Choose(Valid(Ect(programme: TrainingProgrammes.SchoolLed)), SchoolPartnership);

        Assert.Equal(new TrainingPlacement(TrainingProgrammes.SchoolLed, 2025, 2025, null, null, null, null), choice.Placement);
    }

    [Fact]
    public void Choose_ProviderAndPartnerOfTheSchoolsPartnership_ThroughThePartnership()
    {
        var choice = Choose(Valid(Ect(leadProvider: Provider.Id.ToString(), deliveryPartner: Partner.Id.ToString())), SchoolPartnership);

        Assert.Equal(new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-september", Provider.Id, Partner.Id, "partnership-1"), choice.Placement);
    }

    [Fact]
    public void Choose_PartnerThatDoesNotWorkWithTheProviderThatYear_Refused()
    {
        var choice = Choose(Valid(Ect(leadProvider: Provider.Id.ToString(), deliveryPartner: OtherPartner.Id.ToString())), null);

        Assert.Equal((RegistrationRule.DeliveryPartnerNoRelationship, "delivery_partner_id"), (choice.Refusal!.Rule, choice.Refusal.Attribute));
    }

    [Fact]
    public void Choose_ProviderWithoutAContractForTheYear_Refused()
    {
        var choice = Choose(Valid(Ect(leadProvider: Uncontracted.Id.ToString())), null);

        Assert.Equal(RegistrationRule.LeadProviderNotContracted, choice.Refusal!.Rule);
    }

    [Fact]
    public void Choose_ProviderOnlyAndTheSchoolsPartnershipIsWithIt_ThePartnershipsPartner()
    {
        var choice = Choose(Valid(Ect(leadProvider: Provider.Id.ToString())), SchoolPartnership);

        Assert.Equal((Provider.Id, (Guid?)Partner.Id, "partnership-1"), (choice.Placement!.LeadProviderId!.Value, choice.Placement.DeliveryPartnerId, choice.Placement.PartnershipId));
    }

    [Fact]
    public void Choose_ProviderOnlyAndNoPartnership_TheProviderWithNoPartnershipYet()
    {
        var choice = Choose(Valid(Ect(leadProvider: Provider.Id.ToString())), null);

        Assert.Equal((Provider.Id, (Guid?)null, (string?)null), (choice.Placement!.LeadProviderId!.Value, choice.Placement.DeliveryPartnerId, choice.Placement.PartnershipId));
    }

    [Fact]
    public void Choose_NoProviderGiven_TheSchoolsPartnershipOrRefused()
    {
        var placed = Choose(Valid(Ect()), SchoolPartnership);
        var refused = Choose(Valid(Ect()), null);

        Assert.Equal("partnership-1", placed.Placement!.PartnershipId);
        Assert.Equal((RegistrationRule.NoDefaultPartnership, "lead_provider_id"), (refused.Refusal!.Rule, refused.Refusal.Attribute));
    }

    [Fact]
    public void Choose_TransferToASchoolWithoutPartnership_KeepsTheProviderPartnerAndSchedule()
    {
        var moving = Registered(ParticipationTypes.Ect, "school-9", new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-january", Provider.Id, Partner.Id, "partnership-9"), new DateOnly(2025, 9, 1));

        var choice = Choose(Valid(Ect()), null, moving.Participations[0]);

        Assert.Equal(new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-january", Provider.Id, Partner.Id, null), choice.Placement);
    }

    [Fact]
    public void ContractYearAndChoose_TransferOfAnUnfinishedEctInAFrozenYearWithoutBillableDeclarations_MovesTo2024KeepingItsSchedule()
    {
        var moving = Registered(
            ParticipationTypes.Ect, "school-9", new TrainingPlacement(TrainingProgrammes.ProviderLed, 2022, 2022, "ecf-standard-september", Provider.Id, Partner.Id, null),
            new DateOnly(2022, 9, 1), new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.Zero)).Participations[0];
        var registration = Valid(Ect(inductionStart: "2022-09-01", leadProvider: Provider.Id.ToString()));

        var year = TrainingProviderChoice.ContractYear(registration, moving, Periods, Now);
        var choice = Choose(registration, null, moving);

        Assert.Equal(2024, year);
        Assert.Equal(new TrainingPlacement(TrainingProgrammes.ProviderLed, 2024, 2024, "ecf-standard-september", Provider.Id, Partner.Id, null), choice.Placement);
    }

    [Fact]
    public void ContractYearAndChoose_TransferOfAnUnfinishedEctInAFrozenYearWithABillableDeclaration_ActiveYearPaysOnExtendedSeptember()
    {
        var registered = Registered(
            ParticipationTypes.Ect, "school-9", new TrainingPlacement(TrainingProgrammes.ProviderLed, 2022, 2022, "ecf-standard-september", Provider.Id, Partner.Id, null),
            new DateOnly(2022, 9, 1), new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.Zero)).Participations[0];
        var started = new Declaration
        {
            Id = "declaration-1",
            TrainingPeriodId = registered.TrainingPeriods[0].Id,
            LeadProviderId = Provider.Id,
            CourseIdentifier = CourseIdentifiers.EcfInduction,
            DeclarationType = DeclarationType.Started,
            DeclarationDate = new DateTimeOffset(2022, 10, 1, 10, 0, 0, TimeSpan.Zero),
            Cohort = 2022,
            ContractYear = 2022,
            State = DeclarationStates.Eligible,
            CreatedAt = new DateTimeOffset(2022, 10, 1, 10, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2022, 10, 1, 10, 0, 0, TimeSpan.Zero),
        };
        var moving = registered with { Declarations = [started] };
        var registration = Valid(Ect(inductionStart: "2022-09-01", leadProvider: Provider.Id.ToString()));

        var choice = Choose(registration, null, moving);

        Assert.Equal(new TrainingPlacement(TrainingProgrammes.ProviderLed, 2022, 2025, "ecf-extended-september", Provider.Id, Partner.Id, null, MovedOutOfFrozenCohort: true), choice.Placement);
    }

    [Fact]
    public void Choose_NewEctWithInductionInAFrozenYear_CohortKeptPaidByTheActiveYearOnAnExtendedSchedule()
    {
        var registration = Valid(Ect(inductionStart: "2022-09-01", leadProvider: Provider.Id.ToString()));

        var choice = Choose(registration, null);

        Assert.Equal((2022, 2025, "ecf-extended-september", false), (choice.Placement!.Cohort, choice.Placement.ContractYear, choice.Placement.ScheduleIdentifier, choice.Placement.MovedOutOfFrozenCohort));
        Assert.Equal(2025, TrainingProviderChoice.ContractYear(registration, null, Periods, Now));
    }

    [Fact]
    public void Current_ParticipationWithOpenTraining_ItsPlacement()
    {
        var placement = new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-september", Provider.Id, Partner.Id, "partnership-1");

        Assert.Equal(placement, TrainingProviderChoice.Current(Registered(ParticipationTypes.Ect, School.SchoolId, placement).Participations[0]));
    }

    private static TrainingChoice Choose(ValidRegistration registration, Partnership? schoolPartnership, Participation? moving = null) =>
        TrainingProviderChoice.Choose(registration, moving, schoolPartnership, Relationships, Periods, Now);
}
