using Ecf.Functions.Api.V3;
using Microsoft.AspNetCore.WebUtilities;

namespace Ecf.Functions.Tests.Api;

public sealed class V3QueryParserTests
{
    private static readonly string[] CreatedOrUpdated = ["created_at", "updated_at"];
    private static readonly string[] UpdatedOnly = ["updated_at"];

    [Fact]
    public void Page_NothingGivenOrPerPageOverTheMaximum_DefaultsAndLowersIt()
    {
        var none = Parser("");
        var large = Parser("page[page]=3&page[per_page]=99999999999");

        Assert.Equal(new V3Page(1, 100), none.Page());
        Assert.Equal(new V3Page(3, V3Page.MaxPerPage), large.Page());
        Assert.Empty(none.Errors);
        Assert.Empty(large.Errors);
    }

    [Theory]
    [InlineData("page[page]=0")]
    [InlineData("page[per_page]=abc")]
    [InlineData("page[per_page]=-5")]
    [InlineData("page=2")]
    public void Page_NotAWholeNumberOfAtLeastOne_RecordsEcf1402(string query)
    {
        var parser = Parser(query);

        Assert.Equal(V3Page.Default, parser.Page());
        Assert.Equal("ecf.1402", Assert.Single(parser.Errors).Code);
    }

    [Fact]
    public void Filter_NotAHash_RecordsEcf1401()
    {
        var parser = Parser("filter=2025");

        Assert.Equal("ecf.1401", Assert.Single(parser.Errors).Code);
    }

    [Theory]
    [InlineData("filter[updated_since]=2025-03-01T06:00:00Z")]
    [InlineData("filter[updated_since]=2025-03-01T07:00:00%2B01:00")]
    [InlineData("filter[updated_since]=2025-03-01T07:00:00+01:00")]
    [InlineData("filter[updated_since]=2025-03-01T07%253A00%253A00%252B01%253A00")]
    public void UpdatedSince_Rfc3339AsClientsSendIt_ReadsTheInstant(string query)
    {
        var parser = Parser(query);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.Zero), parser.UpdatedSince());
        Assert.Empty(parser.Errors);
    }

    [Fact]
    public void UpdatedSince_NotADate_RecordsEcf1403()
    {
        var parser = Parser("filter[updated_since]=yesterday");

        Assert.Null(parser.UpdatedSince());
        Assert.Equal("ecf.1403", Assert.Single(parser.Errors).Code);
    }

    [Fact]
    public void Cohorts_YearsSeparatedByCommas_ReturnsEachOnce()
    {
        var parser = Parser("filter[cohort]=2024, 2025,2024");

        Assert.Equal([2024, 2025], parser.Cohorts());
        Assert.Empty(parser.Errors);
    }

    [Fact]
    public void Cohorts_AbsentOrBlank_AllCohorts()
    {
        Assert.Null(Parser("").Cohorts());
        Assert.Null(Parser("filter[cohort]=").Cohorts());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2025,x")]
    [InlineData("20255")]
    [InlineData("925")]
    [InlineData("२०२५")]
    public void Cohorts_NotAYear_RecordsEcf1405(string cohort)
    {
        var parser = Parser("filter[cohort]=" + Uri.EscapeDataString(cohort));

        Assert.Null(parser.Cohorts());
        Assert.Equal("ecf.1405", Assert.Single(parser.Errors).Code);
    }

    [Theory]
    [InlineData("", "ecf.1406")]
    [InlineData("filter[cohort]=%20", "ecf.1406")]
    [InlineData("filter[cohort]=2024,2025", "ecf.1405")]
    [InlineData("filter[cohort]=next", "ecf.1405")]
    public void RequiredCohort_MissingOrNotOneYear_RecordsItsCode(string query, string code)
    {
        var parser = Parser(query);

        parser.RequiredCohort();

        Assert.Equal(code, Assert.Single(parser.Errors).Code);
    }

    [Fact]
    public void RequiredCohort_OneYear_ReturnsIt()
    {
        var parser = Parser("filter[cohort]=2025");

        Assert.Equal(2025, parser.RequiredCohort());
        Assert.Empty(parser.Errors);
    }

    [Fact]
    public void TrainingStatus_NotOneOfTheThree_RecordsEcf1404()
    {
        var parser = Parser("filter[training_status]=paused");

        Assert.Null(parser.TrainingStatus());
        Assert.Equal("ecf.1404", Assert.Single(parser.Errors).Code);
    }

    [Fact]
    public void Sort_ValuesInTheEnum_TheFirstOrders()
    {
        var parser = Parser("sort=-updated_at,created_at");

        Assert.Equal(new V3Sort("updated_at", Descending: true), parser.Sort(CreatedOrUpdated));
        Assert.Empty(parser.Errors);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("updated_at,name")]
    [InlineData("created_at")]
    [InlineData("--updated_at")]
    [InlineData("%2Bupdated_at")]
    public void Sort_ValueOutsideTheEnum_RecordsEcf1407(string sort)
    {
        var parser = Parser("sort=" + sort);

        Assert.Null(parser.Sort(UpdatedOnly));
        Assert.Equal("ecf.1407", Assert.Single(parser.Errors).Code);
    }

    [Fact]
    public void Errors_SeveralParametersWrong_AllRecordedAndRefused()
    {
        var parser = Parser("page[page]=0&filter[cohort]=abc&sort=name");
        parser.Page();
        parser.Cohorts();
        parser.Sort(UpdatedOnly);

        var refused = parser.Refused(new DefaultHttpContext(), out var refusal);

        Assert.Equal(["ecf.1402", "ecf.1405", "ecf.1407"], parser.Errors.Select(e => e.Code));
        Assert.True(refused);
        Assert.NotNull(refusal);
    }

    private static V3QueryParser Parser(string query) => new(new QueryCollection(QueryHelpers.ParseQuery(query)));
}
