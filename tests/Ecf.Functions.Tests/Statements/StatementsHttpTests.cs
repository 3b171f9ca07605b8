using System.Net;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;

namespace Ecf.Functions.Tests.Statements;

/// <summary>The v3 statements (list, by id) through the real pipeline on the embedded store, at a sandbox date.</summary>
public sealed class StatementsHttpTests : IAsyncLifetime
{
    private const string Ambition = "Ambition Institute";
    private const string BestPractice = "Best Practice Network";
    private const string Now = "2025-11-20T10:00:00Z";

    private readonly EcfAppFactory _factory = new();

    private ReferenceDataSnapshot _reference = null!;
    private Guid _ambition;
    private Guid _bestPractice;

    public async Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        using var client = _factory.CreateClient();
        _reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        _ambition = _reference.FindLeadProviderByName(Ambition)!.Id;
        _bestPractice = _reference.FindLeadProviderByName(BestPractice)!.Id;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_FirstRequest_CreatesTheProvidersStatementsAndListsTheOutputOnesByPaymentDateInTheV3Shape()
    {
        var client = await ProviderAsync(Ambition);

        var body = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/statements?page[per_page]=3000"), HttpStatusCode.OK);

        V3ResponseSchema.AssertValid("StatementsResponse", body);
        var data = body.GetProperty("data").EnumerateArray().ToList();
        var output = _reference.StatementCalendar.Where(e => e.OutputFee).ToList();
        Assert.Equal(output.Count, data.Count);
        Assert.Equal(
            output.OrderBy(e => e.PaymentDate).ThenBy(e => e.ContractYear).Select(e => e.PaymentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            data.Select(s => s.GetProperty("attributes").GetProperty("payment_date").GetString()));
        var january = data.Single(s => s.GetProperty("id").GetString() == StatementId(_ambition, 2025, 2026, 1));
        Assert.Equal("statement", january.GetProperty("type").GetString());
        var attributes = january.GetProperty("attributes");
        Assert.Equal(
            ["cohort", "created_at", "cut_off_date", "month", "paid", "payment_date", "type", "updated_at", "year"],
            attributes.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("January", attributes.GetProperty("month").GetString());
        Assert.Equal("2026", attributes.GetProperty("year").GetString());
        Assert.Equal("ecf", attributes.GetProperty("type").GetString());
        Assert.Equal("2025", attributes.GetProperty("cohort").GetString());
        Assert.Equal("2025-12-31", attributes.GetProperty("cut_off_date").GetString());
        Assert.Equal("2026-01-25", attributes.GetProperty("payment_date").GetString());
        Assert.False(attributes.GetProperty("paid").GetBoolean());
        Assert.Equal(Now, attributes.GetProperty("created_at").GetString());
        Assert.Equal(Now, attributes.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task List_Filters_CohortTypeAndUpdatedSince_AndPages()
    {
        var client = await ProviderAsync(Ambition);
        var all = await IdsAsync(client, "page[per_page]=3000");
        var of2025 = _reference.StatementCalendar.Where(e => e.OutputFee && e.ContractYear == 2025).Select(e => OutputStatements.StatementId(_ambition, e)).ToHashSet();

        Assert.Equal(of2025, (await IdsAsync(client, "filter[cohort]=2025&page[per_page]=3000")).ToHashSet());
        Assert.Equal(
            _reference.StatementCalendar.Count(e => e.OutputFee && e.ContractYear is 2024 or 2025),
            (await IdsAsync(client, "filter[cohort]=2024,2025&page[per_page]=3000")).Count);
        Assert.Empty(await IdsAsync(client, "filter[cohort]=2019"));
        Assert.Equal(all, await IdsAsync(client, "filter[type]=ecf&page[per_page]=3000"));
        Assert.Empty(await IdsAsync(client, "filter[type]=npq"));
        Assert.Empty(await IdsAsync(client, "filter[type]=anything"));
        Assert.Equal(all, await IdsAsync(client, "filter[updated_since]=2025-11-20T00:00:00Z&page[per_page]=3000"));
        Assert.Empty(await IdsAsync(client, "filter[updated_since]=2025-11-21T00:00:00Z"));
        Assert.Equal(all.Take(100), await IdsAsync(client, ""));
        Assert.Equal(all.Skip(5).Take(5), await IdsAsync(client, "page[per_page]=5&page[page]=2"));
        Assert.Empty(await IdsAsync(client, "page[per_page]=3000&page[page]=2"));
    }

    [Fact]
    public async Task Get_OwnStatement_ReturnsIt_AndShowsItPaidOnceItIs()
    {
        var client = await ProviderAsync(Ambition);
        var id = StatementId(_ambition, 2025, 2026, 1);

        var open = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v3/statements/{id.ToUpperInvariant()}"), HttpStatusCode.OK);
        var statements = _factory.Services.GetRequiredService<StatementDocuments>();
        var stored = (await statements.ReadAsync(_ambition, id))!;
        await _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.Finance)
            .UpsertAsync(stored.LeadProviderId, id, stored with { State = DeclarationState.StatementPaid, UpdatedAt = new DateTimeOffset(2026, 1, 25, 9, 0, 0, TimeSpan.Zero) });
        var paid = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v3/statements/{id}"), HttpStatusCode.OK);

        V3ResponseSchema.AssertValid("StatementResponse", open);
        Assert.Equal(id, open.GetProperty("data").GetProperty("id").GetString());
        Assert.False(open.GetProperty("data").GetProperty("attributes").GetProperty("paid").GetBoolean());
        Assert.True(paid.GetProperty("data").GetProperty("attributes").GetProperty("paid").GetBoolean());
        Assert.Equal("2026-01-25T09:00:00Z", paid.GetProperty("data").GetProperty("attributes").GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Get_AnotherProvidersMalformedOrUnknownId_SameNotFound()
    {
        var theirs = await ProviderAsync(BestPractice);
        var theirId = StatementId(_bestPractice, 2025, 2026, 1);
        await HttpAssert.JsonAsync(await theirs.GetAsync($"/api/v3/statements/{theirId}"), HttpStatusCode.OK);
        var client = await ProviderAsync(Ambition);

        var other = await client.GetAsync($"/api/v3/statements/{theirId}");
        var unknown = await client.GetAsync($"/api/v3/statements/{Guid.NewGuid()}");
        var malformed = await client.GetAsync("/api/v3/statements/january");

        Assert.Equal(("Resource not found", "Nothing could be found for the provided details"), HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(unknown, HttpStatusCode.NotFound)));
        var expected = await unknown.Content.ReadAsStringAsync();
        foreach (var response in new[] { other, malformed })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("page[page]=0", "ecf.1402")]
    [InlineData("filter[updated_since]=yesterday", "ecf.1403")]
    [InlineData("filter=ecf", "ecf.1401")]
    public async Task List_BadParameter_400WithEcfMessage(string queryString, string code)
    {
        var client = await ProviderAsync(Ambition);

        await V3Assert.ErrorAsync(await client.GetAsync("/api/v3/statements?" + queryString), code);
    }

    private string StatementId(Guid provider, int contractYear, int year, int month) =>
        OutputStatements.StatementId(provider, _reference.StatementCalendar.Single(e => e.ContractYear == contractYear && e.Year == year && e.Month == month));

    private static async Task<List<string>> IdsAsync(HttpClient client, string query)
    {
        var body = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/statements?" + query), HttpStatusCode.OK);
        return [.. body.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    private async Task<HttpClient> ProviderAsync(string name)
    {
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", name);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", Now);
        return client;
    }
}
