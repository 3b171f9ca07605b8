using Ecf.Application.Errors;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Api;

/// <summary>Every v3 list reads its query with the one parser: the same refusals, in the v3 error shape, on every list.</summary>
public sealed class V3ListQueryHttpTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    private static readonly string[] CreatedOrUpdated = ["created_at", "-created_at", "updated_at", "-updated_at"];
    private static readonly string[] UpdatedOnly = ["updated_at", "-updated_at"];

    /// <summary>Each list and its <c>sort</c> enum in the ECF v3 spec (ECFSchoolsSort, DeliveryPartnersSort, ...).</summary>
    public static TheoryData<string, string[]> SortedLists => new()
    {
        { "/api/v3/schools/ecf?filter[cohort]=2025&", UpdatedOnly },
        { "/api/v3/delivery-partners?", CreatedOrUpdated },
        { "/api/v3/participants/ecf?", CreatedOrUpdated },
        { "/api/v3/unfunded-mentors/ecf?", UpdatedOnly },
        { "/api/v3/partnerships/ecf?", CreatedOrUpdated },
    };

    public static TheoryData<string, string> CohortLists => new()
    {
        { "/api/v3/schools/ecf", "abc" },
        { "/api/v3/schools/ecf", "2024,2025" },
        { "/api/v3/delivery-partners", "abc" },
        { "/api/v3/participants/ecf", "2025,twenty" },
        { "/api/v3/partnerships/ecf", "25" },
        { "/api/v3/participant-declarations", "2025,twenty" },
        { "/api/v3/statements", "abc" },
    };

    [Theory]
    [MemberData(nameof(SortedLists))]
    public async Task List_SortOutsideTheSpecsEnum_Returns400V3Error(string list, string[] allowed)
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        // Act
        using var unknown = await client.GetAsync(list + "sort=name");
        using var oneOfTwoUnknown = await client.GetAsync(list + "sort=updated_at,-name");
        using var allowedSort = await client.GetAsync(list + "sort=" + string.Join(',', allowed));

        // Assert
        await V3Assert.ErrorAsync(unknown, "ecf.1407", ApiError.V3SortInvalid(allowed));
        await V3Assert.ErrorAsync(oneOfTwoUnknown, "ecf.1407", ApiError.V3SortInvalid(allowed));
        await HttpAssert.JsonAsync(allowedSort, System.Net.HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(CohortLists))]
    public async Task List_CohortThatIsNotAYear_Returns400V3Error(string list, string cohort)
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        // Act
        using var response = await client.GetAsync($"{list}?filter[cohort]={Uri.EscapeDataString(cohort)}");

        // Assert
        await V3Assert.ErrorAsync(response, "ecf.1405", ApiError.V3CohortNotAYear(several: !list.Contains("/schools/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetSchool_CohortThatIsNotAYear_Returns400V3Error()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        // Act
        using var response = await client.GetAsync($"/api/v3/schools/ecf/{Guid.NewGuid()}?filter[cohort]=abc");

        // Assert
        await V3Assert.ErrorAsync(response, "ecf.1405", ApiError.V3CohortNotAYear(several: false));
    }
}
