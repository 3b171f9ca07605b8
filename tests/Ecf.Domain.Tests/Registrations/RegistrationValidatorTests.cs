using Ecf.Domain.People;
using Ecf.Domain.Registrations;
using Ecf.Domain.Text;
using static Ecf.Domain.Tests.Registrations.RegistrationFixtures;

namespace Ecf.Domain.Tests.Registrations;

/// <summary>The field rules of registrations, without a store.</summary>
public sealed class RegistrationValidatorTests
{
    [Fact]
    public void Validate_ValidEct_TrimmedAndResolvedWithItsCohort()
    {
        var request = Ect(fullName: "  Ada Lovelace ", email: " ada@example.org", leadProvider: Provider.Id.ToString(), deliveryPartner: Partner.Id.ToString()) with { Trn = " 1234567 " };

        var result = RegistrationValidator.Validate(request, Facts());

        Assert.True(result.IsValid);
        Assert.Equal(
            new ValidRegistration(ParticipationTypes.Ect, "1234567", "Ada Lovelace", new DateOnly(1990, 1, 31), "ada@example.org", School, new DateOnly(2025, 9, 1), TrainingProgrammes.ProviderLed, Provider, Partner, null, new CohortChoice(2025, 2025, false)),
            result.Value);
    }

    [Fact]
    public void Validate_EveryFieldMissing_OneRefusalPerFieldAndNoValue()
    {
        var result = RegistrationValidator.Validate(new RegistrationRequest(ParticipationTypes.Ect, null, " ", null, "", null, null, null, null, null, null), Facts(school: null) with { School = null });

        Assert.Null(result.Value);
        Assert.Equal(
            [
                RegistrationRule.TrnMissing, RegistrationRule.FullNameMissing, RegistrationRule.DateOfBirthMissing, RegistrationRule.EmailMissing,
                RegistrationRule.SchoolUrnMissing, RegistrationRule.InductionStartDateMissing, RegistrationRule.TrainingProgrammeMissing,
            ],
            result.Refusals.Select(r => r.Rule));
        Assert.Equal(TextMessages.Required("full_name"), result.Refusals[1].Message);
    }

    [Fact]
    public void Validate_EveryFieldWrong_OneRefusalPerFieldOnItsAttribute()
    {
        var request = new RegistrationRequest(
            ParticipationTypes.Ect, "12345", "\u200C", "31/01/1990", "not-an-email", "999999", "someday", "sometimes", "not-a-guid", Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        var result = RegistrationValidator.Validate(request, Facts() with { School = null });

        Assert.Equal(
            [
                (RegistrationRule.TrnFormat, "trn"), (RegistrationRule.FullNameNoLetter, "full_name"), (RegistrationRule.DateOfBirthFormat, "date_of_birth"),
                (RegistrationRule.EmailFormat, "email"), (RegistrationRule.SchoolUnknown, "school_urn"), (RegistrationRule.InductionStartDateFormat, "induction_start_date"),
                (RegistrationRule.TrainingProgrammeInvalid, "training_programme"), (RegistrationRule.LeadProviderUnknown, "lead_provider_id"),
                (RegistrationRule.DeliveryPartnerUnknown, "delivery_partner_id"), (RegistrationRule.MentorUnknown, "mentor_id"),
            ],
            result.Refusals.Select(r => (r.Rule, r.Attribute)));
    }

    [Theory]
    [InlineData("full_name", "Ada\0Lovelace", RegistrationRule.FullNameDisallowedCharacter)]
    [InlineData("full_name", "\u200B", RegistrationRule.FullNameDisallowedCharacter)]
    [InlineData("full_name", "\u200C\u200D", RegistrationRule.FullNameNoLetter)]
    [InlineData("email", "ada\u001B@example.org", RegistrationRule.EmailDisallowedCharacter)]
    [InlineData("date_of_birth", "0001-01-01", RegistrationRule.DateOfBirthTooOld)]
    [InlineData("date_of_birth", "2010-01-01", RegistrationRule.DateOfBirthTooYoung)]
    [InlineData("date_of_birth", "2026-01-01", RegistrationRule.DateOfBirthInFuture)]
    public void Validate_UnacceptableValue_TheRuleOfItsFieldAndProblem(string attribute, string value, RegistrationRule rule)
    {
        var request = attribute switch
        {
            "full_name" => Ect(fullName: value),
            "email" => Ect(email: value),
            _ => Ect(dateOfBirth: value),
        };

        var refusal = Assert.Single(RegistrationValidator.Validate(request, Facts()).Refusals);

        Assert.Equal((rule, attribute), (refusal.Rule, refusal.Attribute));
    }

    [Fact]
    public void Validate_TooLongNameAndEmail_TooLongWithTheLimitInTheMessage()
    {
        var result = RegistrationValidator.Validate(Ect(fullName: new string('a', 100_000), email: new string('a', 300) + "@example.org"), Facts());

        Assert.Equal([RegistrationRule.FullNameTooLong, RegistrationRule.EmailTooLong], result.Refusals.Select(r => r.Rule));
        Assert.Contains("200", result.Refusals[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10", "1")]
    [InlineData("1", "2")]
    public void Validate_CipOnlyOrClosedSchool_SchoolNotEligible(string type, string status)
    {
        var school = SchoolWith(100002, type, status);

        var result = RegistrationValidator.Validate(Ect() with { SchoolUrn = "100002" }, Facts(school));

        Assert.Equal(RegistrationRule.SchoolNotEligible, Assert.Single(result.Refusals).Rule);
    }

    [Fact]
    public void Validate_UrnOfAnotherSchoolThanTheOneRead_SchoolUnknown()
    {
        var result = RegistrationValidator.Validate(Ect() with { SchoolUrn = "100002" }, Facts());

        Assert.Equal(RegistrationRule.SchoolUnknown, Assert.Single(result.Refusals).Rule);
    }

    [Fact]
    public void Validate_SchoolLedWithProviderAndPartner_BothRefused()
    {
        var result = RegistrationValidator.Validate(Ect(programme: TrainingProgrammes.SchoolLed, leadProvider: Provider.Id.ToString(), deliveryPartner: Partner.Id.ToString()), Facts());

        Assert.Equal([RegistrationRule.LeadProviderNotForSchoolLed, RegistrationRule.DeliveryPartnerNotForSchoolLed], result.Refusals.Select(r => r.Rule));
    }

    [Fact]
    public void Validate_DeliveryPartnerWithoutLeadProvider_Refused()
    {
        var result = RegistrationValidator.Validate(Ect(deliveryPartner: Partner.Id.ToString()), Facts());

        Assert.Equal(RegistrationRule.DeliveryPartnerNeedsLeadProvider, Assert.Single(result.Refusals).Rule);
    }

    [Fact]
    public void Validate_MentorOpenAtThisSchoolOrAnother_ReferencedOrUnknown()
    {
        var placement = new TrainingPlacement(TrainingProgrammes.SchoolLed, 2025, 2025, null, null, null, null);
        var here = Registered(ParticipationTypes.Mentor, School.SchoolId, placement);
        var elsewhere = Registered(ParticipationTypes.Mentor, "school-2", placement);

        var linked = RegistrationValidator.Validate(Ect(mentor: here.PersonId), Facts(mentor: here));
        var refused = RegistrationValidator.Validate(Ect(mentor: elsewhere.PersonId), Facts(mentor: elsewhere));

        Assert.Equal(new MentorReference(here.PersonId, "record-1"), linked.Value!.Mentor);
        Assert.Equal(RegistrationRule.MentorUnknown, Assert.Single(refused.Refusals).Rule);
    }

    [Fact]
    public void Validate_Mentor_InductionStartAndMentorIgnored()
    {
        var request = Ect(inductionStart: null, mentor: "not-a-guid") with { ParticipationType = ParticipationTypes.Mentor };

        var result = RegistrationValidator.Validate(request, Facts());

        Assert.True(result.IsValid);
        Assert.Equal((null, null), (result.Value!.InductionStartDate, result.Value.Mentor));
    }

    [Fact]
    public void Validate_NoContractPeriodForTheYear_NoCohortOnlyWhenNothingElseIsWrong()
    {
        var alone = RegistrationValidator.Validate(Ect(), Facts(periods: []));
        var withOthers = RegistrationValidator.Validate(Ect(email: "nope"), Facts(periods: []));

        Assert.Equal((RegistrationRule.NoCohort, "induction_start_date"), (Assert.Single(alone.Refusals).Rule, alone.Refusals[0].Attribute));
        Assert.Equal(RegistrationRule.EmailFormat, Assert.Single(withOthers.Refusals).Rule);
    }

    [Fact]
    public void StartsOn_InductionStartAfterToday_ThatDayElseToday()
    {
        Assert.Equal(Today, Valid(Ect()).StartsOn(Today));
        Assert.Equal(new DateOnly(2026, 1, 5), Valid(Ect(inductionStart: "2026-01-05")).StartsOn(Today));
    }
}
