using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecf.Domain.Schools;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Schools;

/// <summary>
/// A school's programme choice and its partnerships through the real pipeline and embedded store: the rule between them in
/// both orders, and the schools API's <c>updated_at</c> following them so a provider's incremental sync finds the change.
/// </summary>
public sealed class SchoolCohortPartnershipHttpTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    private const string Created = "2025-01-06T06:00:00Z";
    private const string Choice = "2025-10-15T09:00:00Z";
    private const string Later = "2025-11-03T12:30:00Z";

    [Fact]
    public async Task CreatePartnership_SchoolChoseSchoolLed_422SchoolFundingErrorAndTheSchoolStaysOutOfPartnership()
    {
        var school = await factory.AddSchoolAsync(980001, At(Created));
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var schools = await ClientAsync("school_service", Choice);
        var client = await ClientAsync("lead_provider", Later, provider.Name);
        await HttpAssert.JsonAsync(await schools.PutAsJsonAsync(CohortPath(school), CohortBody("school_led")), HttpStatusCode.OK);

        var refused = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), (HttpStatusCode)422);
        var seen = await SchoolAsync(client, school, since: null);

        Assert.Equal(
            ("school_id", "The school you have entered has not registered to deliver DfE-funded training. Contact the school for more information."),
            HttpAssert.SingleV3Error(refused));
        Assert.Equal((false, "school_led"), (seen!.Value.GetProperty("in_partnership").GetBoolean(), seen.Value.GetProperty("induction_programme_choice").GetString()));
    }

    [Fact]
    public async Task SetUpCohort_SchoolLedWhileInPartnership_422AndTheSchoolStaysProviderLed()
    {
        var school = await factory.AddSchoolAsync(980002, At(Created));
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var client = await ClientAsync("lead_provider", Choice, provider.Name);
        var schools = await ClientAsync("school_service", Later);
        await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), HttpStatusCode.OK);

        var refused = await HttpAssert.JsonAsync(await schools.PutAsJsonAsync(CohortPath(school), CohortBody("school_led")), (HttpStatusCode)422);
        var seen = await SchoolAsync(client, school, since: null);

        Assert.Equal(["ecf.3322"], HttpAssert.ProblemCodes(refused));
        Assert.Equal((true, "provider_led"), (seen!.Value.GetProperty("in_partnership").GetBoolean(), seen.Value.GetProperty("induction_programme_choice").GetString()));
    }

    [Fact]
    public async Task ListSchools_UpdatedSinceAfterTheSchoolChoosesItsProgramme_FindsTheSchoolWithTheNewChoice()
    {
        var school = await factory.AddSchoolAsync(980003, At(Created));
        var (provider, _) = await factory.ProviderWithPartnerAsync();
        var client = await ClientAsync("lead_provider", Later, provider.Name);
        var schools = await ClientAsync("school_service", Choice);
        var before = await SchoolAsync(client, school, since: "2025-10-01T00:00:00Z");

        await HttpAssert.JsonAsync(await schools.PutAsJsonAsync(CohortPath(school), CohortBody("school_led")), HttpStatusCode.OK);
        var after = await SchoolAsync(client, school, since: "2025-10-01T00:00:00Z");

        Assert.Null(before);
        Assert.Equal(("school_led", At(Choice)), (after!.Value.GetProperty("induction_programme_choice").GetString(), after.Value.GetProperty("updated_at").GetDateTimeOffset()));
    }

    [Fact]
    public async Task ListSchools_UpdatedSinceAfterAPartnershipAndItsChallenge_EveryProviderFindsTheChange()
    {
        var school = await factory.AddSchoolAsync(980004, At(Created));
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var (other, _) = await factory.ProviderWithPartnerAsync(skip: 1);
        var client = await ClientAsync("lead_provider", Choice, provider.Name);
        var otherClient = await ClientAsync("lead_provider", Later, other.Name);
        var admin = await ClientAsync("admin", Later);
        var created = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), HttpStatusCode.OK);
        var inPartnership = await SchoolAsync(otherClient, school, since: "2025-10-01T00:00:00Z");

        var id = created.GetProperty("data").GetProperty("id").GetString();
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/admin/partnerships/{id}/challenge", new { reason = "mistake" }), HttpStatusCode.OK);
        var challenged = await SchoolAsync(otherClient, school, since: "2025-11-01T00:00:00Z");
        var challengedForTheFirstProvider = await SchoolAsync(client, school, since: "2025-11-01T00:00:00Z");

        Assert.Equal((true, "provider_led", At(Choice)), (inPartnership!.Value.GetProperty("in_partnership").GetBoolean(), inPartnership.Value.GetProperty("induction_programme_choice").GetString(), inPartnership.Value.GetProperty("updated_at").GetDateTimeOffset()));
        Assert.Equal((false, At(Later)), (challenged!.Value.GetProperty("in_partnership").GetBoolean(), challenged.Value.GetProperty("updated_at").GetDateTimeOffset()));
        Assert.Equal(At(Later), challengedForTheFirstProvider!.Value.GetProperty("updated_at").GetDateTimeOffset());
    }

    /// <summary>The school's attributes in <c>GET /api/v3/schools/ecf</c> for 2025 (with <c>filter[updated_since]</c> when given), or null when not listed.</summary>
    private static async Task<JsonElement?> SchoolAsync(HttpClient client, School school, string? since)
    {
        var query = $"/api/v3/schools/ecf?filter[cohort]=2025&filter[urn]={school.Urn}" + (since is null ? "" : $"&filter[updated_since]={since}");
        var body = await HttpAssert.JsonAsync(await client.GetAsync(query), HttpStatusCode.OK);
        var data = body.GetProperty("data");
        return data.GetArrayLength() == 0 ? null : Assert.Single(data.EnumerateArray()).GetProperty("attributes");
    }

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    private static string CohortPath(School school) => $"/api/schools/{school.Urn}/cohorts/2025";

    private static object CohortBody(string choice) =>
        new { data = new { type = "school-cohort", attributes = new { induction_programme_choice = choice, induction_tutor_name = "Ada Lovelace", induction_tutor_email = "ada@example.org" } } };

    private static object PartnershipBody(string schoolId, Guid partnerId) =>
        new { data = new { type = "ecf-partnership", attributes = new { cohort = "2025", school_id = schoolId, delivery_partner_id = partnerId } } };

    private async Task<HttpClient> ClientAsync(string role, string serverDate, string? leadProvider = null)
    {
        var client = await factory.CreateClientWithTokenAsync(role, leadProvider);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", serverDate);
        return client;
    }
}
