using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecf.Application.People;
using Ecf.Domain.ReferenceData;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Registrations;

/// <summary>
/// Registrations through the real pipeline and embedded store: a registration of a known TRN (identical, with a new email or name,
/// or asking for what a registration cannot change) and the text rules of every field (docs/domain.md#registration, #text-input).
/// </summary>
public sealed class RegistrationHttpTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    private const string ServerDate = "2025-10-15T09:00:00Z";

    [Fact]
    public async Task RegisterEct_IdenticalRepeat_200UnchangedAndNoNewEvents()
    {
        var (schools, admin, body) = await RegisteredAsync(970001, "2000001");

        var repeat = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, body.Build()), HttpStatusCode.OK);

        var personId = Id(repeat);
        Assert.Equal("unchanged", Attribute(repeat, "outcome"));
        Assert.Equal(body.EventCount, (await TimelineAsync(admin, personId)).Count);
    }

    [Fact]
    public async Task RegisterEct_RepeatWithNewEmail_200UpdatedAndTheOldEmailStaysInTheHistory()
    {
        var (schools, admin, body) = await RegisteredAsync(970002, "2000002");

        var repeat = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, (body with { Email = "ada.lovelace@example.org" }).Build()), HttpStatusCode.OK);

        var personId = Id(repeat);
        var person = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}"), HttpStatusCode.OK);
        var timeline = await TimelineAsync(admin, personId);
        Assert.Equal("updated", Attribute(repeat, "outcome"));
        Assert.Equal(
            [("ada@example.org", false), ("ada.lovelace@example.org", true)],
            person.GetProperty("emails").EnumerateArray().Select(e => (e.GetProperty("address").GetString(), e.GetProperty("current").GetBoolean())));
        Assert.Equal(["email_changed"], timeline.Skip(body.EventCount).Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task RegisterEct_RepeatWithNewName_200UpdatedWithANameChangedEventAndTheProviderSeesIt()
    {
        var (schools, admin, body) = await RegisteredAsync(970003, "2000003");
        var provider = await factory.CreateClientWithTokenAsync("lead_provider", body.Provider.Name);

        var repeat = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, (body with { FullName = "Augusta Ada King" }).Build()), HttpStatusCode.OK);

        var personId = Id(repeat);
        var person = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}"), HttpStatusCode.OK);
        var timeline = await TimelineAsync(admin, personId);
        var seen = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v3/participants/ecf/{personId}"), HttpStatusCode.OK);
        Assert.Equal("updated", Attribute(repeat, "outcome"));
        Assert.Equal("Augusta Ada King", person.GetProperty("fullName").GetString());
        var changed = Assert.Single(timeline.Skip(body.EventCount));
        Assert.Equal("name_changed", changed.GetProperty("type").GetString());
        Assert.Equal("Augusta Ada King", seen.GetProperty("data").GetProperty("attributes").GetProperty("full_name").GetString());
    }

    public static TheoryData<string, string> ChangesARegistrationCannotMake => new()
    {
        { "induction_start_date", "ecf.3291" },
        { "training_programme", "ecf.3292" },
        { "lead_provider_id", "ecf.3292" },
    };

    [Theory]
    [MemberData(nameof(ChangesARegistrationCannotMake))]
    public async Task RegisterEct_RepeatThatWouldChangeWhatARegistrationCannot_422WithItsCodeAndNothingStored(string attribute, string code)
    {
        var urn = 970010 + ChangesARegistrationCannotMake.Select(row => (string)row[0]).ToList().IndexOf(attribute);
        var (schools, admin, body) = await RegisteredAsync(urn, "20001" + urn.ToString(CultureInfo.InvariantCulture)[^2..]);
        var (other, _) = await factory.ProviderWithPartnerAsync(skip: 1);
        var changed = attribute switch
        {
            "induction_start_date" => body with { InductionStartDate = "2025-09-08" },
            "training_programme" => body with { TrainingProgramme = "school_led", LeadProviderId = null, DeliveryPartnerId = null },
            _ => body with { LeadProviderId = other.Id, DeliveryPartnerId = null },
        };

        var refused = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, changed.Build()), (HttpStatusCode)422);

        Assert.Equal([code], HttpAssert.ProblemCodes(refused));
        Assert.Equal(attribute, refused.GetProperty("title").GetString());
        Assert.Equal(body.EventCount, (await TimelineAsync(admin, body.PersonId!)).Count);
    }

    [Fact]
    public async Task RegisterMentor_SameTrnAsAnEctWithAnotherDateOfBirth_422AndNothingStored()
    {
        var (schools, admin, body) = await RegisteredAsync(970004, "2000004");

        var refused = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Mentors, (body with { DateOfBirth = "1991-02-28" }).Build("mentor-registration")), (HttpStatusCode)422);

        var person = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{body.PersonId}"), HttpStatusCode.OK);
        Assert.Equal(["ecf.3290"], HttpAssert.ProblemCodes(refused));
        Assert.Equal(["ect"], person.GetProperty("participations").EnumerateArray().Select(p => p.GetProperty("type").GetString()));
        Assert.Equal("1990-01-31", person.GetProperty("dateOfBirth").GetString());
        Assert.Equal(body.EventCount, (await TimelineAsync(admin, body.PersonId!)).Count);
    }

    public static TheoryData<string, string, string> UnacceptableValues => new()
    {
        { "full_name", new string('a', 100_000), "ecf.3204" },
        { "full_name", "\u200B\u200B", "ecf.3205" },
        { "full_name", "\u200C\u200D", "ecf.3206" },
        { "full_name", "Ada\0Lovelace", "ecf.3205" },
        { "full_name", "Ada\u001BLovelace", "ecf.3205" },
        { "full_name", "Ada\u202ELovelace", "ecf.3205" },
        { "email", "ada\0@example.org", "ecf.3214" },
        { "email", "ada@exam\u0007ple.org", "ecf.3214" },
        { "email", new string('a', 300) + "@example.org", "ecf.3213" },
        { "date_of_birth", "0001-01-01", "ecf.3211" },
        { "date_of_birth", "1924-10-15", "ecf.3211" },
        { "date_of_birth", "2009-10-16", "ecf.3210" },
    };

    [Theory]
    [MemberData(nameof(UnacceptableValues))]
    public async Task RegisterEct_UnacceptableFieldValue_422WithItsCodeAndNothingStored(string attribute, string value, string code)
    {
        var row = UnacceptableValues.Select(r => (string)r[1]).ToList().IndexOf(value);
        var school = await factory.AddSchoolAsync(970100 + row);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var schools = await ClientAsync("school_service");
        var trn = "30000" + row.ToString("D2", CultureInfo.InvariantCulture);
        var body = new Registration(school.Urn, trn, provider, partner);
        var wrong = attribute switch
        {
            "full_name" => body with { FullName = value },
            "email" => body with { Email = value },
            _ => body with { DateOfBirth = value },
        };

        var refused = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, wrong.Build()), (HttpStatusCode)422);

        Assert.Equal([code], HttpAssert.ProblemCodes(refused));
        Assert.Equal(attribute, refused.GetProperty("title").GetString());
        Assert.Null(await factory.Services.GetRequiredService<PersonDocuments>().FindPersonIdByTrnAsync(trn));
    }

    [Fact]
    public async Task RegisterEct_NameAndDateOfBirthAtTheEdgesOfTheRules_201()
    {
        var school = await factory.AddSchoolAsync(970099);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var schools = await ClientAsync("school_service");
        var body = new Registration(school.Urn, "2000005", provider, partner) with { FullName = "  Nasrin Mo\u200Cadab  ", DateOfBirth = "2009-10-15" };

        var created = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, body.Build()), HttpStatusCode.Created);

        var person = await HttpAssert.JsonAsync(await (await ClientAsync("admin")).GetAsync($"/api/people/{Id(created)}"), HttpStatusCode.OK);
        Assert.Equal("Nasrin Mo\u200Cadab", person.GetProperty("fullName").GetString());
    }

    /// <summary>Registers an ECT at a new school <paramref name="urn"/>; returns the school service and admin clients and the body sent, with the person id and event count.</summary>
    private async Task<(HttpClient Schools, HttpClient Admin, Registration Body)> RegisteredAsync(int urn, string trn)
    {
        var school = await factory.AddSchoolAsync(urn);
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var schools = await ClientAsync("school_service");
        var admin = await ClientAsync("admin");
        var body = new Registration(school.Urn, trn, provider, partner);
        var created = await HttpAssert.JsonAsync(await schools.PostAsJsonAsync(Routes.Ects, body.Build()), HttpStatusCode.Created);
        var personId = Id(created);
        return (schools, admin, body with { PersonId = personId, EventCount = (await TimelineAsync(admin, personId)).Count });
    }

    private static async Task<IReadOnlyList<JsonElement>> TimelineAsync(HttpClient admin, string personId) =>
        [.. (await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}/timeline"), HttpStatusCode.OK)).EnumerateArray()];

    private static string Id(JsonElement response) => response.GetProperty("data").GetProperty("id").GetString()!;

    private static string? Attribute(JsonElement response, string name) => response.GetProperty("data").GetProperty("attributes").GetProperty(name).GetString();

    private async Task<HttpClient> ClientAsync(string role)
    {
        var client = await factory.CreateClientWithTokenAsync(role);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", ServerDate);
        return client;
    }

    private static class Routes
    {
        public const string Ects = "/api/registrations/ects";
        public const string Mentors = "/api/registrations/mentors";
    }

    /// <summary>A registration body; <see cref="PersonId"/> and <see cref="EventCount"/> describe what its first sending made.</summary>
    private sealed record Registration(int Urn, string Trn, LeadProvider Provider, DeliveryPartner Partner)
    {
        public string FullName { get; init; } = "Ada Lovelace";

        public string DateOfBirth { get; init; } = "1990-01-31";

        public string Email { get; init; } = "ada@example.org";

        public string InductionStartDate { get; init; } = "2025-09-01";

        public string TrainingProgramme { get; init; } = "provider_led";

        public Guid? LeadProviderId { get; init; } = Provider.Id;

        public Guid? DeliveryPartnerId { get; init; } = Partner.Id;

        public string? PersonId { get; init; }

        public int EventCount { get; init; }

        public object Build(string type = "ect-registration") => new
        {
            data = new
            {
                type,
                attributes = new
                {
                    trn = Trn,
                    full_name = FullName,
                    date_of_birth = DateOfBirth,
                    email = Email,
                    school_urn = Urn.ToString(CultureInfo.InvariantCulture),
                    induction_start_date = InductionStartDate,
                    training_programme = TrainingProgramme,
                    lead_provider_id = LeadProviderId,
                    delivery_partner_id = DeliveryPartnerId,
                },
            },
        };
    }
}
