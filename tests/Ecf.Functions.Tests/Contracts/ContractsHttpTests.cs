using System.Net;
using System.Text;
using System.Text.Json;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Functions.Features.Contracts;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;

namespace Ecf.Functions.Tests.Contracts;

/// <summary>Finance's contract versions through the real pipeline on the embedded store: create, refuse, import, read.</summary>
public sealed class ContractsHttpTests : IAsyncLifetime
{
    /// <summary>ECF's contract import header (its public importer format).</summary>
    internal const string EcfCsvHeader =
        "lead-provider-name,cohort-start-year,uplift-target,uplift-amount,recruitment-target,revised-target,set-up-fee,monthly-service-fee,"
        + "band-a-min,band-a-max,band-a-per-participant,band-b-min,band-b-max,band-b-per-participant,band-c-min,band-c-max,band-c-per-participant,band-d-min,band-d-max,band-d-per-participant";

    private const string Ambition = "Ambition Institute";

    private readonly EcfAppFactory _factory = new();

    private ReferenceDataSnapshot _reference = null!;
    private Guid _ambition;
    private HttpClient _finance = null!;

    public async Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        using var client = _factory.CreateClient();
        _reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        _ambition = _reference.FindLeadProviderByName(Ambition)!.Id;
        _finance = await _factory.CreateClientWithTokenAsync("finance");
    }

    public Task DisposeAsync()
    {
        _finance.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateEcf_ValidBody_201Version1WithLetteredBandsAndWhoWhenWhy()
    {
        var body = await CreatedAsync(Routes.Ecf, Ecf());

        var data = body.GetProperty("data");
        Assert.Equal($"contract:ecf:{_ambition:D}:2025:1", data.GetProperty("id").GetString());
        Assert.Equal(1, data.GetProperty("version").GetInt32());
        Assert.Equal("ecf", data.GetProperty("contract_kind").GetString());
        Assert.Equal("2025-11", data.GetProperty("applies_from").GetString());
        Assert.Equal("Signed call-off contract", data.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("created_by").GetString()));
        Assert.Equal(3200, data.GetProperty("recruitment_target").GetInt32());
        Assert.Equal(149651.5m, data.GetProperty("set_up_fee").GetDecimal());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("monthly_service_fee").ValueKind);
        var bands = data.GetProperty("bands").EnumerateArray().ToList();
        Assert.Equal(["A", "B", "C"], bands.Select(b => b.GetProperty("letter").GetString()));
        Assert.Equal(JsonValueKind.Null, bands[2].GetProperty("max").ValueKind);
        Assert.Equal(60m, bands[0].GetProperty("output_payment_percentage").GetDecimal());
        Assert.Equal(40m, bands[0].GetProperty("service_fee_percentage").GetDecimal());
        Assert.Equal(70m, bands[1].GetProperty("output_payment_percentage").GetDecimal());
    }

    [Fact]
    public async Task Versions_NewerSupersedesFromItsMonth_ListNewestFirst_InForceByMonth_TimelineOldestFirst()
    {
        await CreatedAsync(Routes.Ecf, Ecf());
        await CreatedAsync(Routes.Ecf, Ecf(("applies_from", "2026-01"), ("recruitment_target", 3600), ("reason", "Revised target")));
        await CreatedAsync(Routes.Mentor, Mentor());
        await CreatedAsync(Routes.Npq, Npq());

        var list = await OkAsync($"{Routes.Contracts}?lead_provider={_ambition}&contract_year=2025&kind=ecf");
        Assert.Equal([2, 1], list.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var all = await OkAsync($"{Routes.Contracts}?lead_provider={Uri.EscapeDataString(Ambition)}");
        Assert.Equal(4, all.GetProperty("data").GetArrayLength());

        var december = (await OkAsync($"{Routes.InForce}?lead_provider={_ambition}&contract_year=2025&month=2025-12")).GetProperty("data");
        Assert.Equal(1, december.GetProperty("ecf").GetProperty("version").GetInt32());
        Assert.Equal(1000m, december.GetProperty("mentor").GetProperty("payment_per_participant").GetDecimal());
        Assert.Equal(["npq-headship"], december.GetProperty("npq").EnumerateArray().Select(n => n.GetProperty("course_identifier").GetString()));
        var february = (await OkAsync($"{Routes.InForce}?lead_provider={_ambition}&contract_year=2025&month=2026-02")).GetProperty("data");
        Assert.Equal(3600, february.GetProperty("ecf").GetProperty("recruitment_target").GetInt32());
        var before = (await OkAsync($"{Routes.InForce}?lead_provider={_ambition}&contract_year=2025&month=2025-10")).GetProperty("data");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("ecf").ValueKind);

        var timeline = (await OkAsync($"{Routes.Timeline}?lead_provider={_ambition}&contract_year=2025")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(4, timeline.Count);
        Assert.Equal(["ecf", "ecf", "mentor", "npq"], timeline.Select(e => e.GetProperty("contract_kind").GetString()));
        Assert.Equal("Revised target", timeline[1].GetProperty("reason").GetString());
        Assert.Equal($"contract:ecf:{_ambition:D}:2025:2", timeline[1].GetProperty("version_id").GetString());
        Assert.All(timeline, e => Assert.Equal("version_created", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task CreateEcf_ConcurrentVersions_EachGetsItsOwnNumber()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _finance.PostAsJsonAsync(Routes.Ecf, Ecf())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var list = await OkAsync($"{Routes.Contracts}?lead_provider={_ambition}&contract_year=2025&kind=ecf");
        Assert.Equal([1, 2, 3, 4], list.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Order());
        var timeline = await OkAsync($"{Routes.Timeline}?lead_provider={_ambition}");
        Assert.Equal(4, timeline.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task CreateEcf_YearTheProviderHasNoEcfContractFor_422()
    {
        var capita = _reference.FindLeadProviderByName("Capita")!;

        var (code, problem) = await HttpAssert.ProblemAsync(
            await _finance.PostAsJsonAsync(Routes.Ecf, Ecf(("lead_provider_id", capita.Id.ToString()), ("contract_year", 2025))), (HttpStatusCode)422);

        Assert.DoesNotContain(2025, capita.EcfContractYears);
        Assert.Equal("ecf.3806", code);
        Assert.Contains("Capita has no ECF contract", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEcf_EveryFieldWrong_422WithOneErrorPerField()
    {
        var body = Ecf(
            ("lead_provider_id", Guid.Empty.ToString()),
            ("contract_year", "next"),
            ("applies_from", "November"),
            ("reason", " "),
            ("recruitment_target", -5),
            ("revised_target", 12.5),
            ("set_up_fee", 10.005),
            ("monthly_service_fee", "lots"),
            ("uplift_target", "-1"),
            ("uplift_amount", -100),
            ("bands", new object[] { Band(0, 2000, 995, output: 101), Band(2001, null, "x") }));

        var (_, problem) = await HttpAssert.ProblemAsync(await _finance.PostAsJsonAsync(Routes.Ecf, body), (HttpStatusCode)422);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("title").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [
                ("lead_provider_id", "ecf.3805"), ("contract_year", "ecf.3806"), ("applies_from", "ecf.3808"), ("reason", "ecf.3801"),
                ("recruitment_target", "ecf.3802"), ("revised_target", "ecf.3802"), ("set_up_fee", "ecf.3803"), ("monthly_service_fee", "ecf.3803"),
                ("uplift_target", "ecf.3813"), ("uplift_amount", "ecf.3803"), ("bands[0].output_payment_percentage", "ecf.3804"), ("bands[1].per_participant", "ecf.3803"),
            ],
            errors);
        Assert.Empty((await OkAsync($"{Routes.Contracts}?lead_provider={_ambition}")).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("overlap", "bands[1].min", "ecf.3811")]
    [InlineData("open-not-last", "bands[1].min", "ecf.3811")]
    [InlineData("max-below-min", "bands[0].max", "ecf.3812")]
    [InlineData("none", "bands", "ecf.3810")]
    [InlineData("five", "bands", "ecf.3810")]
    public async Task CreateEcf_BadBands_422OnTheBand(string shape, string field, string code)
    {
        object[] bands = shape switch
        {
            "overlap" => [Band(0, 2000, 995), Band(2000, 4000, 979)],
            "open-not-last" => [Band(0, null, 995), Band(2001, 4000, 979)],
            "max-below-min" => [Band(10, 5, 995)],
            "none" => [],
            _ => [Band(0, 1, 1), Band(2, 3, 1), Band(4, 5, 1), Band(6, 7, 1), Band(8, 9, 1)],
        };

        var (code1, problem) = await HttpAssert.ProblemAsync(await _finance.PostAsJsonAsync(Routes.Ecf, Ecf(("bands", bands))), (HttpStatusCode)422);

        Assert.Equal(code, code1);
        Assert.Equal(field, problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("contract_year", 2019, "ecf.3806")]
    [InlineData("applies_from", "2025-07", "ecf.3808")]
    [InlineData("reason", "\u0000", "ecf.3809")]
    public async Task CreateEcf_UnknownYearOrMonthOutsideTheCalendarOrBadReason_422(string field, object value, string code)
    {
        var (refused, problem) = await HttpAssert.ProblemAsync(await _finance.PostAsJsonAsync(Routes.Ecf, Ecf((field, value))), (HttpStatusCode)422);

        Assert.Equal(code, refused);
        Assert.Equal(field, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CreateMentor_DefaultsAndBefore2025Refused()
    {
        var created = (await CreatedAsync(Routes.Mentor, Mentor())).GetProperty("data");
        var (code, problem) = await HttpAssert.ProblemAsync(
            await _finance.PostAsJsonAsync(Routes.Mentor, Mentor(("contract_year", 2024), ("applies_from", "2025-01"))), (HttpStatusCode)422);

        Assert.Equal($"contract:mentor:{_ambition:D}:2025:1", created.GetProperty("id").GetString());
        Assert.Equal(1000m, created.GetProperty("payment_per_participant").GetDecimal());
        Assert.Equal("ecf.3806", code);
        Assert.Equal("contract_year", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CreateNpq_PerCourse_AndFieldRefusals()
    {
        var created = (await CreatedAsync(Routes.Npq, Npq())).GetProperty("data");
        var (_, problem) = await HttpAssert.ProblemAsync(
            await _finance.PostAsJsonAsync(Routes.Npq, Npq(("course_identifier", "npq-cooking"), ("number_of_payment_periods", 0), ("special_course", "maybe"), ("service_fee_percentage", null))),
            (HttpStatusCode)422);

        Assert.Equal($"contract:npq:{_ambition:D}:2025:npq-headship:1", created.GetProperty("id").GetString());
        Assert.Equal(4, created.GetProperty("number_of_payment_periods").GetInt32());
        Assert.False(created.GetProperty("special_course").GetBoolean());
        Assert.Equal(["ecf.3807", "ecf.3815", "ecf.3814"], [.. HttpAssert.ProblemCodes(problem).Where(c => c != "ecf.3801")]);
        Assert.Contains("ecf.3801", HttpAssert.ProblemCodes(problem));
    }

    [Theory]
    [InlineData(DeclarationState.StatementPayable)]
    [InlineData(DeclarationState.StatementPaid)]
    public async Task CreateEcf_WouldChangeAPayableOrPaidStatement_422NamingIt_LaterMonthAccepted(string state)
    {
        var statements = _factory.Services.GetRequiredService<StatementDocuments>();
        await statements.EnsureCalendarAsync(_ambition, _reference.StatementCalendar, DateTimeOffset.UtcNow);
        var january = _reference.GetStatementCalendar(2025).Single(e => e.Year == 2026 && e.Month == 1);
        var stored = (await statements.ReadAsync(_ambition, OutputStatements.StatementId(_ambition, january)))!;
        await _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.Finance)
            .UpsertAsync(stored.LeadProviderId, stored.Id, stored with { State = state });

        var (code, problem) = await HttpAssert.ProblemAsync(await _finance.PostAsJsonAsync(Routes.Ecf, Ecf(("applies_from", "2025-12"))), (HttpStatusCode)422);
        var later = await _finance.PostAsJsonAsync(Routes.Ecf, Ecf(("applies_from", "2026-02")));

        Assert.Equal("ecf.3820", code);
        Assert.Contains("January 2026", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(stored.Id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(state, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task ImportEcf_ValidFile_OneVersionPerRow()
    {
        var csv = EcfCsvHeader + "\n"
            + "Ambition Institute,2025,0.44,100,3200,,149651,,0,2000,995,2001,4000,979,4001,,966,,,\n"
            + "Teach First,2025,,,4500,4600,149651,12000.50,0,2000,995,2001,,979,,,,,,\n";

        var body = await ImportAsync(Routes.EcfImport, csv, HttpStatusCode.Created);

        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, data.Count);
        Assert.Equal(3, data[0].GetProperty("bands").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data[1].GetProperty("uplift_amount").ValueKind);
        Assert.Equal(12000.50m, data[1].GetProperty("monthly_service_fee").GetDecimal());
        Assert.All(data, v => Assert.Equal("2025-11", v.GetProperty("applies_from").GetString()));
        Assert.Single((await OkAsync($"{Routes.Contracts}?lead_provider={_ambition}")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task ImportEcf_AnyBadRow_422ListingRowAndColumn_NothingWritten()
    {
        var csv = EcfCsvHeader + "\n"
            + "Ambition Institute,2025,0.44,100,3200,,149651,,0,2000,995,2001,4000,979,4001,,966,,,\n"
            + "Nobody Ltd,2025,,,lots,,149651,,0,2000,995,,,,,,,,,\n"
            + "Teach First,2025,,,4500,,149651,,0,2000,995,1999,4000,979,,,,,,\n"
            + "Ambition Institute,2025,,,4500,,149651,,0,2000,995,,,,,,,,,\n";

        var body = await ImportAsync(Routes.EcfImport, csv, (HttpStatusCode)422);

        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("title").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [("row 3, lead-provider-name", "ecf.3805"), ("row 3, recruitment-target", "ecf.3802"), ("row 4, band-b-min", "ecf.3811"), ("row 5", "ecf.3834")],
            errors);
        Assert.Empty((await OkAsync($"{Routes.Contracts}?lead_provider={_ambition}")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task ImportEcf_WrongHeaderOrNoReason_422()
    {
        var header = await ImportAsync(Routes.EcfImport, "lead-provider-name,cohort-start-year\nAmbition Institute,2025\n", (HttpStatusCode)422);
        var reason = await _finance.PostAsync($"{Routes.EcfImport}?applies_from=2025-11", new StringContent(EcfCsvHeader + "\n", Encoding.UTF8, "text/csv"));

        Assert.Equal("ecf.3831", header.GetProperty("code").GetString());
        Assert.Equal("ecf.3801", (await HttpAssert.ProblemAsync(reason, (HttpStatusCode)422)).Code);
    }

    [Fact]
    public async Task ImportMentor_ValidFile_OneVersionPerRow()
    {
        var body = await ImportAsync(Routes.MentorImport, "lead-provider-name,cohort-start-year,recruitment-target,payment-per-participant\nAmbition Institute,2025,1600,1000.0\nBest Practice Network,2025,900,\n", HttpStatusCode.Created);

        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["mentor", "mentor"], data.Select(v => v.GetProperty("contract_kind").GetString()));
        Assert.Equal(1000m, data[1].GetProperty("payment_per_participant").GetDecimal());
        Assert.Equal(_reference.FindLeadProviderByName("Best Practice Network")!.Id.ToString(), data[1].GetProperty("lead_provider_id").GetString());
    }

    [Fact]
    public async Task Reads_MissingOrUnknownQuery_422()
    {
        var (missing, _) = await HttpAssert.ProblemAsync(await _finance.GetAsync(Routes.Contracts), (HttpStatusCode)422);
        var (kind, _) = await HttpAssert.ProblemAsync(await _finance.GetAsync($"{Routes.Contracts}?lead_provider={_ambition}&kind=gold"), (HttpStatusCode)422);
        var (_, inForce) = await HttpAssert.ProblemAsync(await _finance.GetAsync($"{Routes.InForce}?lead_provider=nobody&month=soon"), (HttpStatusCode)422);

        Assert.Equal("ecf.3801", missing);
        Assert.Equal("ecf.3835", kind);
        Assert.Equal(["ecf.3805", "ecf.3801", "ecf.3808"], HttpAssert.ProblemCodes(inForce));
    }

    [Theory]
    [InlineData("lead_provider")]
    [InlineData("admin")]
    [InlineData("school_service")]
    public async Task NonFinanceToken_403(string role)
    {
        using var client = await _factory.CreateClientWithTokenAsync(role, role == "lead_provider" ? Ambition : null);

        var post = await client.PostAsJsonAsync(Routes.Ecf, Ecf());
        var import = await client.PostAsync($"{Routes.EcfImport}?applies_from=2025-11&reason=x", new StringContent(EcfCsvHeader, Encoding.UTF8, "text/csv"));
        var list = await client.GetAsync($"{Routes.Contracts}?lead_provider={_ambition}");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    private static Dictionary<string, object?> Band(int min, int? max, object perParticipant, object? output = null) => new()
    {
        ["min"] = min,
        ["max"] = max,
        ["per_participant"] = perParticipant,
        ["output_payment_percentage"] = output,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, (string Name, object? Value)[] changes)
    {
        foreach (var (name, value) in changes)
        {
            body[name] = value;
        }

        return body;
    }

    private Dictionary<string, object?> Header(int year = 2025) => new()
    {
        ["lead_provider_id"] = _ambition.ToString(),
        ["contract_year"] = year,
        ["applies_from"] = "2025-11",
        ["reason"] = "Signed call-off contract",
    };

    private Dictionary<string, object?> Ecf(params (string Name, object? Value)[] changes)
    {
        var body = Header();
        body["recruitment_target"] = 3200;
        body["set_up_fee"] = 149651.50m;
        body["uplift_target"] = 0.44m;
        body["uplift_amount"] = 100;
        body["bands"] = new object[] { Band(0, 2000, 995), Band(2001, 4000, 979, output: 70), Band(4001, null, "966") };
        return With(body, changes);
    }

    private Dictionary<string, object?> Mentor(params (string Name, object? Value)[] changes)
    {
        var body = Header();
        body["recruitment_target"] = 1600;
        return With(body, changes);
    }

    private Dictionary<string, object?> Npq(params (string Name, object? Value)[] changes)
    {
        var body = Header();
        body["lead_provider_id"] = Ambition;
        body["course_identifier"] = "npq-headship";
        body["recruitment_target"] = 800;
        body["per_participant"] = 1800;
        body["output_payment_percentage"] = 60;
        body["number_of_payment_periods"] = 4;
        body["service_fee_percentage"] = 40;
        body["service_fee_installments"] = 19;
        body["targeted_delivery_funding_per_participant"] = 100;
        return With(body, changes);
    }

    private async Task<JsonElement> CreatedAsync(string route, object body) =>
        await HttpAssert.JsonAsync(await _finance.PostAsJsonAsync(route, body), HttpStatusCode.Created);

    private async Task<JsonElement> OkAsync(string url) => await HttpAssert.JsonAsync(await _finance.GetAsync(url), HttpStatusCode.OK);

    private async Task<JsonElement> ImportAsync(string route, string csv, HttpStatusCode expected) =>
        await HttpAssert.JsonAsync(
            await _finance.PostAsync($"{route}?applies_from=2025-11&reason={Uri.EscapeDataString("Contracts for the year")}", new StringContent(csv, Encoding.UTF8, "text/csv")),
            expected);
}
