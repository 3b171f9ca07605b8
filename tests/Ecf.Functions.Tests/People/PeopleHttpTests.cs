using System.Net;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.People;

/// <summary>Registrations, partnerships and the admin people endpoints through the real pipeline and embedded store.</summary>
public sealed class PeopleHttpTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    private const string ServerDate = "2025-10-15T09:00:00Z";

    [Fact]
    public async Task RegisterEct_ValidBody_201ThenAdminSeesRecordAndOrderedTimeline()
    {
        var school = await factory.AddSchoolAsync(990001);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var schools = await ClientAsync("school_service");
        var admin = await ClientAsync("admin");

        var response = await schools.PostAsJsonAsync("/api/registrations/ects", Body("ect-registration", "1000001", school.Urn, provider, partner));
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
        var attributes = body.GetProperty("data").GetProperty("attributes");
        var personId = body.GetProperty("data").GetProperty("id").GetString()!;
        var person = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}"), HttpStatusCode.OK);
        var timeline = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}/timeline"), HttpStatusCode.OK);

        Assert.Equal(("2025", "2025", "ecf-standard-september", "created"), (attributes.GetProperty("cohort").GetString(), attributes.GetProperty("contract_year").GetString(), attributes.GetProperty("schedule_identifier").GetString(), attributes.GetProperty("outcome").GetString()));
        Assert.Equal("1000001", person.GetProperty("trn").GetString());
        Assert.Equal(school.SchoolId, person.GetProperty("participations")[0].GetProperty("atSchoolPeriods")[0].GetProperty("schoolId").GetString());
        var sequences = timeline.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        Assert.Equal("person_created", timeline[0].GetProperty("type").GetString());
        Assert.Equal("school_service", timeline[0].GetProperty("actor").GetProperty("type").GetString());
    }

    [Fact]
    public async Task RegisterEct_BadFields_422ProblemWithOneCodePerField()
    {
        var schools = await ClientAsync("school_service");

        var response = await schools.PostAsJsonAsync("/api/registrations/ects", new
        {
            data = new { type = "ect-registration", attributes = new { trn = "12", full_name = "Ada", date_of_birth = "2099-01-01", email = "nope", school_urn = "1", induction_start_date = "2025-09-01", training_programme = "provider_led" } },
        });

        var body = await HttpAssert.JsonAsync(response, (HttpStatusCode)422);
        Assert.Equal(["ecf.3202", "ecf.3209", "ecf.3215", "ecf.3217"], HttpAssert.ProblemCodes(body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RegisterEct_MalformedJson_400()
    {
        var schools = await ClientAsync("school_service");

        var response = await schools.PostAsync("/api/registrations/ects", new StringContent("{\"data\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RegisterEct_LeadProviderToken_403()
    {
        var (provider, _) = await factory.ProviderWithPartnerAsync();
        var client = await ClientAsync("lead_provider", provider.Name);

        var response = await client.PostAsJsonAsync("/api/registrations/ects", new { data = new { } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Partnerships_CreateGetPutAndOtherProvider_AsEcfV3()
    {
        var school = await factory.AddSchoolAsync(990002);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var (other, otherPartner) = await factory.ProviderWithPartnerAsync(skip: 1);
        var client = await ClientAsync("lead_provider", provider.Name);
        var otherClient = await ClientAsync("lead_provider", other.Name);

        var created = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), HttpStatusCode.OK);
        var id = created.GetProperty("data").GetProperty("id").GetString()!;
        var again = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), (HttpStatusCode)422);
        var recruited = await HttpAssert.JsonAsync(await otherClient.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, otherPartner.Id)), (HttpStatusCode)422);
        var list = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/partnerships/ecf?filter[cohort]=2025"), HttpStatusCode.OK);
        var hidden = await otherClient.GetAsync($"/api/v3/partnerships/ecf/{id}");
        var put = await client.PutAsJsonAsync($"/api/v3/partnerships/ecf/{id}", new { data = new { type = "ecf-partnership-update", attributes = new { delivery_partner_id = Guid.NewGuid() } } });

        var attributes = created.GetProperty("data").GetProperty("attributes");
        Assert.Equal(("2025", school.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), "active", partner.Name), (attributes.GetProperty("cohort").GetString(), attributes.GetProperty("urn").GetString(), attributes.GetProperty("status").GetString(), attributes.GetProperty("delivery_partner_name").GetString()));
        Assert.Equal(("school_id", "You are already confirmed to be in partnership with the school for the entered cohort."), HttpAssert.SingleV3Error(again));
        Assert.StartsWith("Another provider is already confirmed", HttpAssert.SingleV3Error(recruited).Detail, StringComparison.Ordinal);
        Assert.Contains(list.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("delivery_partner_id", HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(put, (HttpStatusCode)422)).Title);
    }

    [Fact]
    public async Task ChallengePartnership_Admin_ChallengedAndSchoolFreeForAnotherProvider()
    {
        var school = await factory.AddSchoolAsync(990003);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var (other, otherPartner) = await factory.ProviderWithPartnerAsync(skip: 1);
        var client = await ClientAsync("lead_provider", provider.Name);
        var admin = await ClientAsync("admin");
        var created = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), HttpStatusCode.OK);
        var id = created.GetProperty("data").GetProperty("id").GetString()!;

        var challenged = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/admin/partnerships/{id}/challenge", new { reason = "mistake" }), HttpStatusCode.OK);
        var seen = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v3/partnerships/ecf/{id}"), HttpStatusCode.OK);
        var second = await (await ClientAsync("lead_provider", other.Name)).PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, otherPartner.Id));

        Assert.Equal("challenged", challenged.GetProperty("data").GetProperty("attributes").GetProperty("status").GetString());
        Assert.Equal("mistake", seen.GetProperty("data").GetProperty("attributes").GetProperty("challenged_reason").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task SchoolCohort_SchoolServiceSetsItUp_TheProvidersPartnershipShowsTheTutorAndBadFieldsGet422()
    {
        var school = await factory.AddSchoolAsync(990004);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var client = await ClientAsync("lead_provider", provider.Name);
        var schools = await ClientAsync("school_service");
        var path = $"/api/schools/{school.Urn}/cohorts/2025";

        var before = await HttpAssert.JsonAsync(await schools.GetAsync(path), HttpStatusCode.OK);
        var put = await HttpAssert.JsonAsync(await schools.PutAsJsonAsync(path, CohortBody("provider_led", "Ada Lovelace", "ada@example.org")), HttpStatusCode.OK);
        var bad = await HttpAssert.JsonAsync(await schools.PutAsJsonAsync(path, CohortBody("sometimes", "Ada Lovelace", "nope")), (HttpStatusCode)422);
        var asProvider = await client.PutAsJsonAsync(path, CohortBody("provider_led", "Ada Lovelace", "ada@example.org"));
        var unknown = await schools.GetAsync("/api/schools/999999/cohorts/2025");
        var created = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(school.SchoolId, partner.Id)), HttpStatusCode.OK);

        Assert.Equal(("not_yet_known", false), (before.GetProperty("data").GetProperty("attributes").GetProperty("induction_programme_choice").GetString(), before.GetProperty("data").GetProperty("attributes").GetProperty("set_up").GetBoolean()));
        Assert.Equal("provider_led", put.GetProperty("data").GetProperty("attributes").GetProperty("induction_programme_choice").GetString());
        Assert.Equal(["ecf.3321", "ecf.3333"], HttpAssert.ProblemCodes(bad).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, asProvider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var attributes = created.GetProperty("data").GetProperty("attributes");
        Assert.Equal(("Ada Lovelace", "ada@example.org"), (attributes.GetProperty("induction_tutor_name").GetString(), attributes.GetProperty("induction_tutor_email").GetString()));
    }

    private static object CohortBody(string choice, string name, string email) =>
        new { data = new { type = "school-cohort", attributes = new { induction_programme_choice = choice, induction_tutor_name = name, induction_tutor_email = email } } };

    private static object PartnershipBody(string schoolId, Guid partnerId) =>
        new { data = new { type = "ecf-partnership", attributes = new { cohort = "2025", school_id = schoolId, delivery_partner_id = partnerId } } };

    private static object Body(string type, string trn, int urn, Ecf.Domain.ReferenceData.LeadProvider provider, Ecf.Domain.ReferenceData.DeliveryPartner partner) => new
    {
        data = new
        {
            type,
            attributes = new
            {
                trn,
                full_name = "Ada Lovelace",
                date_of_birth = "1990-01-31",
                email = "ada@example.org",
                school_urn = urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                induction_start_date = "2025-09-01",
                training_programme = "provider_led",
                lead_provider_id = provider.Id,
                delivery_partner_id = partner.Id,
                mentor_id = (string?)null,
            },
        },
    };

    private async Task<HttpClient> ClientAsync(string role, string? leadProvider = null)
    {
        var client = await factory.CreateClientWithTokenAsync(role, leadProvider);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", ServerDate);
        return client;
    }
}
