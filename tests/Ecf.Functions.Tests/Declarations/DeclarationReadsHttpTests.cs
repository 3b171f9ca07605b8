using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;
using Ecf.TestKit;

namespace Ecf.Functions.Tests.Declarations;

/// <summary>
/// The v3 declaration reads (list, by id) through the real pipeline on the embedded store: declarations made and voided through
/// the v3 routes at sandbox dates, read back from the views the request path wrote.
/// </summary>
public sealed class DeclarationReadsHttpTests : IAsyncLifetime
{
    private const string Ambition = "Ambition Institute";
    private const string BestPractice = "Best Practice Network";
    private const string Declarations = "/api/v3/participant-declarations";

    private readonly EcfAppFactory _factory = new();

    private Guid _ambition;
    private Guid _bestPractice;
    private string _thirdProvider = null!;

    public async Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        using var client = _factory.CreateClient();
        var reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        _ambition = reference.FindLeadProviderByName(Ambition)!.Id;
        _bestPractice = reference.FindLeadProviderByName(BestPractice)!.Id;
        _thirdProvider = reference.LeadProviders.First(p => p.DeliversEcf && p.Id != _ambition && p.Id != _bestPractice).Name;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ListAndGet_DeclaringProvider_SeesWhatThePostAnsweredInTheV3Shape()
    {
        var ect = await CommitAsync(null, TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition, "2025-11-20T10:00:00Z");

        var posted = (await DeclareAsync(provider, ect.PersonId, "2025-10-01T10:00:00Z")).GetProperty("data");
        var id = posted.GetProperty("id").GetString()!;
        var list = await HttpAssert.JsonAsync(await provider.GetAsync(Declarations), HttpStatusCode.OK);
        var single = await HttpAssert.JsonAsync(await provider.GetAsync($"{Declarations}/{id.ToUpperInvariant()}"), HttpStatusCode.OK);

        Assert.Equal(["data"], list.EnumerateObject().Select(p => p.Name));
        Assert.Equal(posted.GetRawText(), Assert.Single(list.GetProperty("data").EnumerateArray()).GetRawText());
        Assert.Equal(posted.GetRawText(), single.GetProperty("data").GetRawText());
        V3ResponseSchema.AssertValid("MultipleParticipantDeclarationsResponse", list);
        V3ResponseSchema.AssertValid("SingleParticipantDeclarationResponse", single);
    }

    [Fact]
    public async Task List_AfterATransfer_TheNewProviderSeesTheEarlierProvidersDeclarationAndNobodyElseDoes()
    {
        var ect = await CommitAsync(null, TestPeople.Ect(_ambition));
        var id = await DeclareIdAsync(await ProviderAsync(Ambition, "2025-11-20T10:00:00Z"), ect.PersonId, "2025-10-01T10:00:00Z");

        await CommitAsync(await StoredAsync(ect.PersonId), (await StoredAsync(ect.PersonId)).Transferred(_bestPractice, new DateOnly(2026, 1, 5)));

        var theirs = Assert.Single(await DataAsync(await ProviderAsync(BestPractice, "2025-11-21T10:00:00Z"), ""));
        Assert.Equal(id, theirs.GetProperty("id").GetString());
        Assert.Equal(Ambition, theirs.GetProperty("attributes").GetProperty("lead_provider_name").GetString());
        Assert.Equal([id], Ids(await DataAsync(await ProviderAsync(Ambition, "2025-11-21T10:00:00Z"), "")));
        Assert.Empty(await DataAsync(await ProviderAsync(_thirdProvider, "2025-11-21T10:00:00Z"), ""));
    }

    [Fact]
    public async Task Get_AnotherProvidersHiddenMalformedOrUnknownId_SameNotFound()
    {
        var ect = await CommitAsync(null, TestPeople.Ect(_ambition));
        var ambition = await ProviderAsync(Ambition, "2025-11-20T10:00:00Z");
        var id = await DeclareIdAsync(ambition, ect.PersonId, "2025-10-01T10:00:00Z");
        var third = await ProviderAsync(_thirdProvider, "2025-11-20T10:00:00Z");
        var bestPractice = await ProviderAsync(BestPractice, "2025-11-21T10:00:00Z");
        var notYetSeen = await bestPractice.GetAsync($"{Declarations}/{id}");
        await CommitAsync(await StoredAsync(ect.PersonId), (await StoredAsync(ect.PersonId)).Transferred(_bestPractice, new DateOnly(2026, 1, 5)));
        await HttpAssert.JsonAsync(await bestPractice.GetAsync($"{Declarations}/{id}"), HttpStatusCode.OK);

        await HttpAssert.JsonAsync(await ambition.PutAsync($"{Declarations}/{id}/void", null), HttpStatusCode.OK);

        var hidden = await bestPractice.GetAsync($"{Declarations}/{id}");
        var unknown = await third.GetAsync($"{Declarations}/{Guid.NewGuid()}");
        var malformed = await third.GetAsync($"{Declarations}/not-a-declaration");
        var expected = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(("Resource not found", "Nothing could be found for the provided details"), HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(unknown, HttpStatusCode.NotFound)));
        foreach (var response in new[] { notYetSeen, hidden, malformed, await third.GetAsync($"{Declarations}/{id}") })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(await DataAsync(bestPractice, ""));
        Assert.Equal("voided", (await HttpAssert.JsonAsync(await ambition.GetAsync($"{Declarations}/{id}"), HttpStatusCode.OK)).GetProperty("data").GetProperty("attributes").GetProperty("state").GetString());
    }

    [Fact]
    public async Task List_Filters_CohortParticipantDeliveryPartnerAndUpdatedSince()
    {
        var partner = Guid.Parse("00000000-0000-0000-0000-00000000d002");
        var older = await CommitAsync(null, TestPeople.Ect(_ambition, cohort: 2024, deliveryPartner: partner));
        var newer = await CommitAsync(null, TestPeople.Ect(_ambition));
        var first = await DeclareIdAsync(await ProviderAsync(Ambition, "2025-11-20T10:00:00Z"), older.PersonId, "2024-10-01T10:00:00Z");
        var second = await DeclareIdAsync(await ProviderAsync(Ambition, "2025-11-21T10:00:00Z"), newer.PersonId, "2025-10-01T10:00:00Z");
        var client = await ProviderAsync(Ambition, "2025-11-22T10:00:00Z");

        Assert.Equal([first, second], Ids(await DataAsync(client, "")));
        Assert.Equal([first], Ids(await DataAsync(client, "filter[cohort]=2024")));
        Assert.Equal([first, second], Ids(await DataAsync(client, "filter[cohort]=2025,2024")));
        Assert.Empty(await DataAsync(client, "filter[cohort]=2023"));
        Assert.Equal([second], Ids(await DataAsync(client, "filter[participant_id]=" + newer.PersonId.ToUpperInvariant())));
        Assert.Equal([first, second], Ids(await DataAsync(client, $"filter[participant_id]={newer.PersonId},{older.PersonId}")));
        Assert.Empty(await DataAsync(client, "filter[participant_id]=someone"));
        Assert.Equal([first], Ids(await DataAsync(client, "filter[delivery_partner_id]=" + partner)));
        Assert.Equal([first, second], Ids(await DataAsync(client, $"filter[delivery_partner_id]={partner},{TestPeople.DefaultDeliveryPartner}")));
        Assert.Equal([second], Ids(await DataAsync(client, "filter[updated_since]=2025-11-21T00:00:00Z")));
        Assert.Equal([second], Ids(await DataAsync(client, "filter[cohort]=2025&filter[delivery_partner_id]=" + TestPeople.DefaultDeliveryPartner)));

        await HttpAssert.JsonAsync(await client.PutAsync($"{Declarations}/{first}/void", null), HttpStatusCode.OK);

        Assert.Equal([first], Ids(await DataAsync(client, "filter[updated_since]=2025-11-22T00:00:00Z")));
        Assert.Equal([first, second], Ids(await DataAsync(client, "filter[updated_since]=2025-11-21T00:00:00Z")));
    }

    [Fact]
    public async Task List_Paged_EveryDeclarationOnceInTheOrderTheyWereMade()
    {
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var ect = await CommitAsync(null, TestPeople.Ect(_ambition));
            made.Add(await DeclareIdAsync(await ProviderAsync(Ambition, $"2025-11-{20 - i:D2}T10:00:00Z"), ect.PersonId, "2025-10-01T10:00:00Z"));
        }

        var client = await ProviderAsync(Ambition, "2025-11-22T10:00:00Z");
        var seen = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var ids = Ids(await DataAsync(client, $"page[per_page]=2&page[page]={page}"));
            Assert.True(ids.Count <= 2);
            seen.AddRange(ids);
        }

        made.Reverse(); // made on 20, 19, ... 16 November: listed by created_at
        Assert.Equal(made, seen);
    }

    [Theory]
    [InlineData("page[page]=0", "ecf.1402")]
    [InlineData("filter[updated_since]=yesterday", "ecf.1403")]
    [InlineData("filter=2024", "ecf.1401")]
    public async Task List_BadParameter_400WithEcfMessage(string queryString, string code)
    {
        var client = await ProviderAsync(Ambition, "2025-11-20T10:00:00Z");

        await V3Assert.ErrorAsync(await client.GetAsync($"{Declarations}?{queryString}"), code);
    }

    [Fact]
    public async Task Participant_DeclarationMadeThenVoided_TheProvidersUpdatedAtMovesEachTimeAndNothingElseChanges()
    {
        var ect = await CommitAsync(null, TestPeople.Ect(_ambition));
        var participant = $"/api/v3/participants/ecf/{ect.PersonId}";
        var client = await ProviderAsync(Ambition, "2025-11-20T10:00:00Z");
        var before = await ParticipantAsync(client, participant);

        var id = await DeclareIdAsync(client, ect.PersonId, "2025-10-01T10:00:00Z");
        var declared = await ParticipantAsync(client, participant);
        var voider = await ProviderAsync(Ambition, "2025-11-21T10:00:00Z");
        await HttpAssert.JsonAsync(await voider.PutAsync($"{Declarations}/{id}/void", null), HttpStatusCode.OK);
        var voided = await ParticipantAsync(client, participant);

        Assert.Equal("2025-09-01T08:00:00Z", UpdatedAt(before));
        Assert.Equal("2025-11-20T10:00:00Z", UpdatedAt(declared));
        Assert.Equal("2025-11-21T10:00:00Z", UpdatedAt(voided));
        Assert.Equal(WithoutUpdatedAt(before), WithoutUpdatedAt(voided));
        Assert.Equal(["2025-11-21T10:00:00Z"], Ids(await DataAsync(client, "filter[updated_since]=2025-11-21T00:00:00Z"), "updated_at"));
    }

    private static List<string> Ids(IEnumerable<JsonElement> resources, string attribute = "id") =>
        [.. resources.Select(r => attribute == "id" ? r.GetProperty("id").GetString()! : r.GetProperty("attributes").GetProperty(attribute).GetString()!)];

    private static string UpdatedAt(JsonElement resource) => resource.GetProperty("attributes").GetProperty("updated_at").GetString()!;

    private static string WithoutUpdatedAt(JsonElement resource)
    {
        var node = JsonNode.Parse(resource.GetRawText())!;
        node["attributes"]!.AsObject().Remove("updated_at");
        return node.ToJsonString();
    }

    private static async Task<JsonElement> ParticipantAsync(HttpClient client, string path) =>
        (await HttpAssert.JsonAsync(await client.GetAsync(path), HttpStatusCode.OK)).GetProperty("data");

    private static async Task<IReadOnlyList<JsonElement>> DataAsync(HttpClient client, string query) =>
        [.. (await HttpAssert.JsonAsync(await client.GetAsync($"{Declarations}?{query}"), HttpStatusCode.OK)).GetProperty("data").EnumerateArray()];

    private static async Task<JsonElement> DeclareAsync(HttpClient client, string participantId, string date) =>
        await HttpAssert.JsonAsync(
            await client.PostAsJsonAsync(
                Declarations,
                new { data = new { type = "participant-declaration", attributes = new { participant_id = participantId, declaration_type = "started", declaration_date = date, course_identifier = "ecf-induction" } } }),
            HttpStatusCode.OK);

    private static async Task<string> DeclareIdAsync(HttpClient client, string participantId, string date) =>
        (await DeclareAsync(client, participantId, date)).GetProperty("data").GetProperty("id").GetString()!;

    /// <summary>A lead provider's client at a sandbox date.</summary>
    private async Task<HttpClient> ProviderAsync(string name, string now)
    {
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", name);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", now);
        return client;
    }

    private async Task<Person> StoredAsync(string personId) =>
        (await _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.People).ReadAsync<Person>(personId, personId))!;

    /// <summary>Stores the person document and runs every provider view writer, as a change to the person does.</summary>
    private async Task<Person> CommitAsync(Person? before, Person person)
    {
        await _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.People).UpsertAsync(person.PersonId, person.Id, person);
        foreach (var writer in _factory.Services.GetServices<IProviderViewWriter>())
        {
            await writer.WriteAsync(before, person);
        }

        return person;
    }
}
