using Ecf.Domain.Partnerships;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;

namespace Ecf.Domain.Tests.Partnerships;

/// <summary>The field rules of partnership and school cohort requests, without a store.</summary>
public sealed class PartnershipValidatorTests
{
    private static readonly Guid Provider = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly DeliveryPartner Partner = new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Partner A");
    private static readonly DeliveryPartner Stranger = new(Guid.Parse("33333333-3333-3333-3333-333333333333"), "Partner B");
    private static readonly School Eligible = School(100001, "1");

    [Fact]
    public void ValidateCreate_ValidRequest_NamesTheYearSchoolAndPartner()
    {
        var result = PartnershipValidator.ValidateCreate(Request("2025", Eligible.SchoolId, Partner.Id.ToString()), Facts(Eligible));

        Assert.True(result.IsValid);
        Assert.Equal(new ValidPartnershipRequest(2025, Eligible, Partner), result.Value);
    }

    [Fact]
    public void ValidateCreate_EveryFieldMissing_OneRefusalPerAttribute()
    {
        var result = PartnershipValidator.ValidateCreate(Request(null, " ", ""), Facts(null));

        Assert.Null(result.Value);
        Assert.Equal(
            [(PartnershipRule.CohortMissing, "cohort"), (PartnershipRule.SchoolMissing, "school_id"), (PartnershipRule.DeliveryPartnerMissing, "delivery_partner_id")],
            result.Refusals.Select(r => (r.Rule, r.Attribute)));
        Assert.Equal(PartnershipMessages.Missing("cohort"), result.Refusals[0].Message);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("abc")]
    [InlineData("+2025")]
    public void ValidateCreate_CohortNotAContractYear_CohortInvalid(string cohort)
    {
        var result = PartnershipValidator.ValidateCreate(Request(cohort, Eligible.SchoolId, Partner.Id.ToString()), Facts(Eligible));

        Assert.Equal(PartnershipRule.CohortInvalid, Assert.Single(result.Refusals).Rule);
    }

    [Fact]
    public void ValidateCreate_UnknownOrMalformedSchoolAndPartner_InvalidBoth()
    {
        var unknown = PartnershipValidator.ValidateCreate(Request("2025", Guid.NewGuid().ToString(), Guid.NewGuid().ToString()), Facts(null));
        var malformed = PartnershipValidator.ValidateCreate(Request("2025", "school", "partner"), Facts(Eligible));

        Assert.Equal([PartnershipRule.SchoolInvalid, PartnershipRule.DeliveryPartnerInvalid], unknown.Refusals.Select(r => r.Rule));
        Assert.Equal([PartnershipRule.SchoolInvalid, PartnershipRule.DeliveryPartnerInvalid], malformed.Refusals.Select(r => r.Rule));
    }

    [Theory]
    [InlineData("10", PartnershipRule.SchoolCipOnly)]
    [InlineData("2", PartnershipRule.SchoolIneligible)]
    public void ValidateCreate_SchoolThatCannotBePartnered_Refused(string statusOrType, PartnershipRule expected)
    {
        var school = expected == PartnershipRule.SchoolCipOnly ? School(100002, statusOrType) : School(100002, "1", status: statusOrType);

        var result = PartnershipValidator.ValidateCreate(Request("2025", school.SchoolId, Partner.Id.ToString()), Facts(school));

        Assert.Equal(expected, Assert.Single(result.Refusals).Rule);
    }

    [Fact]
    public void ValidateCreate_SupersededSchool_SchoolInvalid()
    {
        var superseded = Eligible with { Status = SchoolStatus.Superseded };

        var result = PartnershipValidator.ValidateCreate(Request("2025", superseded.SchoolId, Partner.Id.ToString()), Facts(superseded));

        Assert.Equal(PartnershipRule.SchoolInvalid, Assert.Single(result.Refusals).Rule);
    }

    [Fact]
    public void ValidateCreate_PartnerNotWorkingWithTheProviderThatYear_NoRelationship()
    {
        var otherYear = PartnershipValidator.ValidateCreate(Request("2024", Eligible.SchoolId, Partner.Id.ToString()), Facts(Eligible));
        var stranger = PartnershipValidator.ValidateCreate(Request("2025", Eligible.SchoolId, Stranger.Id.ToString()), Facts(Eligible));

        Assert.Equal((PartnershipRule.DeliveryPartnerNotInRelationship, PartnershipMessages.NoRelationship), (Assert.Single(otherYear.Refusals).Rule, otherYear.Refusals[0].Message));
        Assert.Equal(PartnershipRule.DeliveryPartnerNotInRelationship, Assert.Single(stranger.Refusals).Rule);
    }

    [Fact]
    public void ValidateDeliveryPartner_YearUnknown_ChecksOnlyThatThePartnerExists()
    {
        var result = PartnershipValidator.ValidateDeliveryPartner(Stranger.Id.ToString(), null, Facts(null));

        Assert.Equal(Stranger, result.Value);
    }

    [Theory]
    [InlineData(null, PartnershipRule.ChoiceMissing)]
    [InlineData(" ", PartnershipRule.ChoiceMissing)]
    [InlineData("sometimes", PartnershipRule.ChoiceInvalid)]
    [InlineData("not_yet_known", PartnershipRule.ChoiceInvalid)]
    public void ValidateChoice_MissingOrNotChoosable_Refused(string? choice, PartnershipRule expected)
    {
        var result = PartnershipValidator.ValidateChoice(choice);

        Assert.Equal((expected, "induction_programme_choice"), (Assert.Single(result.Refusals).Rule, result.Refusals[0].Attribute));
    }

    [Fact]
    public void ValidateChoice_Choosable_Trimmed()
    {
        Assert.Equal("school_led", PartnershipValidator.ValidateChoice(" school_led ").Value);
    }

    private static PartnershipRequest Request(string? cohort, string? schoolId, string? partnerId) => new(cohort, schoolId, partnerId);

    private static PartnershipRequestFacts Facts(School? school) =>
        new([2024, 2025], school, [Partner, Stranger], [new ProviderRelationship(Provider, Partner.Id, 2025)]);

    private static School School(int urn, string type, string status = "1") => SchoolDecider.ApplyFacts(
        null,
        new GiasFacts { Urn = urn, Name = $"School {urn}", TypeCode = type, StatusCode = status, DistrictAdministrativeCode = "E09000001" },
        new SchoolChangeContext(new DateTimeOffset(2025, 1, 1, 6, 0, 0, TimeSpan.Zero), "test", "test")).School!;
}
