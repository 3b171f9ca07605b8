using System.Net;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Edge;

/// <summary>The sandbox date is refused outside the days the rules can count from (1900-01-01 to 2999-12-31).</summary>
public sealed class SandboxDateRangeTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("3000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public async Task RegisterMentor_ServerDateOutOfRange_400NamingTheHeader(string serverDate)
    {
        using var schools = await factory.CreateClientWithTokenAsync(ApiRoles.SchoolService);
        schools.DefaultRequestHeaders.Add("X-With-Server-Date", serverDate);

        using var response = await schools.PostAsJsonAsync("/api/registrations/mentors", new
        {
            data = new
            {
                type = "mentor-registration",
                attributes = new { trn = "3000001", full_name = "Grace Hopper", date_of_birth = "1980-12-09", email = "grace@example.org", school_urn = "100001", training_programme = "provider_led" },
            },
        });

        var (code, problem) = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ecf.1007", code);
        Assert.Contains("X-With-Server-Date", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1900-01-01T00:00:00Z")]
    [InlineData("2999-12-31T23:59:59Z")]
    public async Task Health_ServerDateOnTheEdges_IsThatTime(string serverDate)
    {
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        admin.DefaultRequestHeaders.Add("X-With-Server-Date", serverDate);

        using var response = await admin.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(DateTimeOffset.Parse(serverDate, System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("time").GetDateTimeOffset());
    }
}
