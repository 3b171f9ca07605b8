using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecf.Application.People;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;

namespace Ecf.Functions.Tests.ParticipantActions;

/// <summary>
/// The payments-frozen year played end to end over HTTP with the sandbox clock (docs/domain.md#frozen-years): a 2022 ECT with paid
/// <c>started</c> and <c>retained-1</c> declarations in the frozen 2022 year is moved by an admin to the active registration year
/// (2025 on 1 July 2025), declares <c>retained-2</c> there (paid from 2025's contract), is refused a move back while that declaration
/// is billable, and after voiding it moves back and declares against 2022, on 2022's last output statement.
/// </summary>
public sealed class FrozenYearScenarioTests : IAsyncLifetime
{
    private readonly EcfAppFactory _factory = new();
    private ReferenceDataSnapshot _reference = null!;

    public async Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        using var client = _factory.CreateClient();
        _reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A2022Ect_MovedOutDeclaresIn2025_RefusedBackWhileBillable_ThenVoidsMovesBackAndDeclaresAgainst2022()
    {
        // 2022: registered with a provider and delivery partner working together that year, eligible, started and retained-1 declared.
        var relationship = _reference.Relationships.First(r => r.ContractYear == 2022 && _reference.Relationships.Any(o => o.ContractYear == 2025 && o.LeadProviderId == r.LeadProviderId));
        var providerName = _reference.GetLeadProvider(relationship.LeadProviderId)!.Name;
        var school = await _factory.AddSchoolAsync(980001, At("2022-09-01"));
        var schools = await _factory.CreateClientWithTokenAsync("school_service");
        var admin = await _factory.CreateClientWithTokenAsync("admin");
        var provider = await _factory.CreateClientWithTokenAsync("lead_provider", providerName);
        var registered = await HttpAssert.JsonAsync(
            await schools.SendAtAsync(HttpMethod.Post, "/api/registrations/ects", "2022-10-15T09:00:00Z", Registration(school.Urn, relationship.LeadProviderId, relationship.DeliveryPartnerId)),
            HttpStatusCode.Created);
        var personId = registered.GetProperty("data").GetProperty("id").GetString()!;
        var person = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}"), HttpStatusCode.OK);
        var trainingRecordId = person.GetProperty("participations")[0].GetProperty("trainingRecordId").GetString()!;
        await HttpAssert.JsonAsync(
            await admin.SendAtAsync(HttpMethod.Put, $"/api/people/{personId}/participations/{trainingRecordId}/eligibility", "2022-10-15T09:30:00Z",
                new { status = "eligible", reason = "induction_confirmed", from = "2022-09-01", note = "Checked" }),
            HttpStatusCode.OK);
        var started = await DeclareAsync(provider, "2022-10-15T10:00:00Z", personId, "started", "2022-10-01T10:00:00Z", null, HttpStatusCode.OK);
        var retained1 = await DeclareAsync(provider, "2023-02-15T10:00:00Z", personId, "retained-1", "2023-02-01T10:00:00Z", "training-event-attended", HttpStatusCode.OK);
        Assert.Equal(["eligible", "eligible"], new[] { started, retained1 }.Select(d => Attribute(d, "state")));

        // Finance pays both statements (the statement run that does this comes with the monthly statements; here the documents move).
        await MarkPaidAsync(relationship.LeadProviderId, Attribute(started, "statement_id")!);
        await MarkPaidAsync(relationship.LeadProviderId, Attribute(retained1, "statement_id")!);
        Assert.Equal([("started", "paid"), ("retained-1", "paid")], await StatesAsync(personId));

        // 1 July 2025: 2022 is frozen (16 June 2025). The provider can neither declare against 2022 nor move the ECT out itself.
        await DeclareAsync(provider, "2025-07-01T09:00:00Z", personId, "retained-2", "2023-05-01T10:00:00Z", "training-event-attended", HttpStatusCode.UnprocessableEntity);
        var byProvider = await HttpAssert.JsonAsync(
            await provider.SendAtAsync(HttpMethod.Put, $"/api/v3/participants/ecf/{personId}/change-schedule", "2025-07-01T09:00:00Z",
                ChangeSchedule("ecf-extended-september", "2025", attemptTransfer: true)),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("attempt_to_transfer_leaving_billable_declarations", ParticipantActionMessages.FrozenTransferNotOpenToProviders), HttpAssert.SingleV3Error(byProvider));

        // The admin moves the ECT out to 2025, the active registration year; the paid 2022 declarations stay as they are.
        var movedOut = await HttpAssert.JsonAsync(
            await admin.SendAtAsync(HttpMethod.Post, $"/api/people/{personId}/participations/{trainingRecordId}/change-contract-year", "2025-07-01T10:00:00Z",
                new { contract_year = 2025, attempt_to_transfer_leaving_billable_declarations = true, schedule_identifier = "ecf-standard-september", reason = "Continuing training after the 2022 closure" }),
            HttpStatusCode.OK);
        Assert.True(movedOut.GetProperty("cohortChangedAfterPaymentsFrozen").GetBoolean());
        var seen = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v3/participants/ecf/{personId}"), HttpStatusCode.OK);
        V3ResponseSchema.AssertValid("ECFParticipantResponse", seen);
        var enrolment = seen.GetProperty("data").GetProperty("attributes").GetProperty("ecf_enrolments")[0];
        Assert.Equal(("2025", "ecf-standard-september", true), (enrolment.GetProperty("cohort").GetString(), enrolment.GetProperty("schedule_identifier").GetString(), enrolment.GetProperty("cohort_changed_after_payments_frozen").GetBoolean()));
        Assert.Equal([("started", "paid"), ("retained-1", "paid")], await StatesAsync(personId));

        // retained-2 in 2025, paid from 2025's contract: on the provider's next 2025 output statement.
        var retained2 = await DeclareAsync(provider, "2025-07-01T11:00:00Z", personId, "retained-2", "2025-07-01T10:30:00Z", "75-percent-engagement-met", HttpStatusCode.OK);
        var statement2025 = OutputStatements.StatementId(relationship.LeadProviderId, OutputStatements.Next(_reference.StatementCalendar, 2025, new DateOnly(2025, 7, 1))!);
        Assert.Equal(("eligible", statement2025), (Attribute(retained2, "state"), Attribute(retained2, "statement_id")));

        // Moving back is refused while retained-2 is billable in 2025.
        var refused = await HttpAssert.JsonAsync(
            await admin.SendAtAsync(HttpMethod.Post, $"/api/people/{personId}/participations/{trainingRecordId}/change-contract-year", "2025-07-02T10:00:00Z",
                new { contract_year = 2022, attempt_to_transfer_leaving_billable_declarations = true }),
            (HttpStatusCode)422);
        Assert.Equal(["ecf.3740"], HttpAssert.ProblemCodes(refused));

        // The provider voids it; the admin moves the ECT back; the provider declares retained-2 against 2022.
        Assert.Equal("voided", Attribute(await HttpAssert.JsonAsync(
            await provider.SendAtAsync(HttpMethod.Put, $"/api/v3/participant-declarations/{Id(retained2)}/void", "2025-07-02T10:30:00Z"), HttpStatusCode.OK), "state"));
        var movedBack = await HttpAssert.JsonAsync(
            await admin.SendAtAsync(HttpMethod.Post, $"/api/people/{personId}/participations/{trainingRecordId}/change-contract-year", "2025-07-02T11:00:00Z",
                new { contract_year = 2022, attempt_to_transfer_leaving_billable_declarations = true, reason = "Declaring retained-2 against 2022" }),
            HttpStatusCode.OK);
        Assert.False(movedBack.GetProperty("cohortChangedAfterPaymentsFrozen").GetBoolean());
        var again = await DeclareAsync(provider, "2025-07-02T12:00:00Z", personId, "retained-2", "2023-05-01T10:00:00Z", "training-event-attended", HttpStatusCode.OK);
        var statement2022 = OutputStatements.StatementId(relationship.LeadProviderId, OutputStatements.Next(_reference.StatementCalendar, 2022, new DateOnly(2025, 7, 2))!);
        Assert.Equal(("eligible", statement2022), (Attribute(again, "state"), Attribute(again, "statement_id")));
        var back = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v3/participants/ecf/{personId}"), HttpStatusCode.OK);
        V3ResponseSchema.AssertValid("ECFParticipantResponse", back);
        var backEnrolment = back.GetProperty("data").GetProperty("attributes").GetProperty("ecf_enrolments")[0];
        Assert.Equal(("2022", false), (backEnrolment.GetProperty("cohort").GetString(), backEnrolment.GetProperty("cohort_changed_after_payments_frozen").GetBoolean()));

        var timeline = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}/timeline"), HttpStatusCode.OK);
        var types = timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("moved_out_of_frozen_cohort", types);
        Assert.Contains("moved_back_to_frozen_cohort", types);
        Assert.Equal("Continuing training after the 2022 closure", timeline.EnumerateArray().First(e => e.GetProperty("type").GetString() == "moved_out_of_frozen_cohort").GetProperty("reason").GetString());
    }

    private static DateTimeOffset At(string day) => DateTimeOffset.Parse(day + "T00:00:00Z", CultureInfo.InvariantCulture);

    private static object Registration(int urn, Guid provider, Guid partner) => new
    {
        data = new
        {
            type = "ect-registration",
            attributes = new
            {
                trn = "2022001",
                full_name = "Ada Lovelace",
                date_of_birth = "1990-01-31",
                email = "ada@example.org",
                school_urn = urn.ToString(CultureInfo.InvariantCulture),
                induction_start_date = "2022-09-01",
                training_programme = "provider_led",
                lead_provider_id = provider,
                delivery_partner_id = partner,
            },
        },
    };

    private static object ChangeSchedule(string schedule, string? cohort, bool attemptTransfer = false) => new
    {
        data = new
        {
            type = "participant-change-schedule",
            attributes = new { schedule_identifier = schedule, course_identifier = "ecf-induction", cohort, attempt_to_transfer_leaving_billable_declarations = attemptTransfer },
        },
    };


    private static async Task<JsonElement> DeclareAsync(HttpClient provider, string serverDate, string personId, string type, string date, string? evidence, HttpStatusCode expected) =>
        await HttpAssert.JsonAsync(
            await provider.SendAtAsync(HttpMethod.Post, "/api/v3/participant-declarations", serverDate, new
            {
                data = new
                {
                    type = "participant-declaration",
                    attributes = new { participant_id = personId, declaration_type = type, declaration_date = date, course_identifier = "ecf-induction", evidence_held = evidence },
                },
            }),
            expected);

    /// <summary>Each declaration's type and state as the API derives it from its statements (ADR 0012), oldest first.</summary>
    private async Task<IReadOnlyList<(string Type, string State)>> StatesAsync(string personId)
    {
        var person = (await _factory.Services.GetRequiredService<PersonDocuments>().ReadAsync(personId))!.Person;
        var states = await _factory.Services.GetRequiredService<StatementDocuments>().ReadStatesAsync(person);
        return [.. person.Participations.SelectMany(p => p.Declarations).Select(d => (d.DeclarationType, DeclarationState.Effective(d, states)))];
    }

    private async Task MarkPaidAsync(Guid leadProviderId, string statementId)
    {
        var container = _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.Finance);
        var stored = (await container.ReadAsync<StatementDocument>(leadProviderId.ToString("D"), statementId))!;
        await container.UpsertAsync(stored.LeadProviderId, statementId, stored with { State = DeclarationState.StatementPaid });
    }

    private static string Id(JsonElement body) => body.GetProperty("data").GetProperty("id").GetString()!;

    private static string? Attribute(JsonElement body, string name) => body.GetProperty("data").GetProperty("attributes").GetProperty(name).GetString();
}
