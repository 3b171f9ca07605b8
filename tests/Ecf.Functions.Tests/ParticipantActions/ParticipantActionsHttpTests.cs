using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.ParticipantActions;

/// <summary>
/// The v3 participant actions through the real pipeline on the embedded store (docs/domain.md#participant-actions): an ECT
/// registered at a school in partnership with the provider for 2025 (sandbox date 15 October 2025), then withdrawn, deferred,
/// resumed and moved between schedules, with ECF's messages, the timeline, and the v3 participant in every answer.
/// </summary>
public sealed class ParticipantActionsHttpTests : IAsyncLifetime
{
    private const string Registered = "2025-10-15T09:00:00Z";

    private readonly EcfAppFactory _factory = new();
    private int _nextUrn = 981000;

    public Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Withdraw_DeclarationAfterItRefused_BeforeItAccepted_AfterAResumeAccepted()
    {
        var ect = await RegisterAsync();
        await EligibleAsync(ect);

        var withdrawn = await ActAsync(ect, "withdraw", "2025-10-20T10:00:00Z", new { reason = "moved-school", course_identifier = "ecf-induction" }, HttpStatusCode.OK);

        V3ResponseSchema.AssertValid("ECFParticipantResponse", withdrawn);
        var enrolment = Enrolment(withdrawn);
        Assert.Equal(("withdrawn", "withdrawn"), (enrolment.GetProperty("training_status").GetString(), enrolment.GetProperty("participant_status").GetString()));
        Assert.Equal(("moved-school", "2025-10-20T10:00:00Z"), (enrolment.GetProperty("withdrawal").GetProperty("reason").GetString(), enrolment.GetProperty("withdrawal").GetProperty("date").GetString()));
        Assert.Equal("2025-10-20T10:00:00Z", withdrawn.GetProperty("data").GetProperty("attributes").GetProperty("updated_at").GetString());
        var last = (await TimelineAsync(ect))[^1];
        Assert.Equal(("training_status_changed", "lead_provider_api"), (last.GetProperty("type").GetString(), last.GetProperty("actor").GetProperty("type").GetString()));

        var after = await DeclareAsync(ect, "2025-10-22T10:00:00Z", "started", "2025-10-21T10:00:00Z", (HttpStatusCode)422);
        Assert.Equal(("participant_id", "This participant withdrew from this course on 2025-10-20T10:00:00Z. Enter a '#/declaration_date' that's on or before the withdrawal date."), HttpAssert.SingleV3Error(after));
        await DeclareAsync(ect, "2025-10-22T10:00:00Z", "started", "2025-10-19T10:00:00Z", HttpStatusCode.OK);

        var resumed = await ActAsync(ect, "resume", "2025-10-23T10:00:00Z", new { course_identifier = "ecf-induction" }, HttpStatusCode.OK);
        Assert.Equal(("active", JsonValueKind.Null), (Enrolment(resumed).GetProperty("training_status").GetString(), Enrolment(resumed).GetProperty("withdrawal").ValueKind));
        await DeclareAsync(ect, "2025-10-24T10:00:00Z", "retained-1", "2025-10-24T09:00:00Z", HttpStatusCode.OK, "training-event-attended");

        await ActAsync(ect, "withdraw", "2025-10-25T10:00:00Z", new { reason = "other", course_identifier = "ecf-induction" }, HttpStatusCode.OK);
        var twice = await ActAsync(ect, "withdraw", "2025-10-25T11:00:00Z", new { reason = "other", course_identifier = "ecf-induction" }, (HttpStatusCode)422);
        Assert.Equal(("participant_profile", ParticipantActionMessages.AlreadyWithdrawn), HttpAssert.SingleV3Error(twice));
    }

    [Fact]
    public async Task Defer_ThenResume_EachRefusedWhenAlreadySo()
    {
        var ect = await RegisterAsync();

        var deferred = await ActAsync(ect, "defer", "2025-10-20T10:00:00Z", new { reason = "career-break", course_identifier = "ecf-induction" }, HttpStatusCode.OK);
        var again = await ActAsync(ect, "defer", "2025-10-20T11:00:00Z", new { reason = "career-break", course_identifier = "ecf-induction" }, (HttpStatusCode)422);
        var resumed = await ActAsync(ect, "resume", "2025-10-21T10:00:00Z", new { course_identifier = "ecf-induction" }, HttpStatusCode.OK);
        var active = await ActAsync(ect, "resume", "2025-10-21T11:00:00Z", new { course_identifier = "ecf-induction" }, (HttpStatusCode)422);

        V3ResponseSchema.AssertValid("ECFParticipantResponse", deferred);
        Assert.Equal(("deferred", "career-break"), (Enrolment(deferred).GetProperty("training_status").GetString(), Enrolment(deferred).GetProperty("deferral").GetProperty("reason").GetString()));
        Assert.Equal(("participant_profile", ParticipantActionMessages.AlreadyDeferred), HttpAssert.SingleV3Error(again));
        Assert.Equal(("active", JsonValueKind.Null), (Enrolment(resumed).GetProperty("training_status").GetString(), Enrolment(resumed).GetProperty("deferral").ValueKind));
        Assert.Equal(("participant_profile", ParticipantActionMessages.AlreadyActive), HttpAssert.SingleV3Error(active));
        Assert.Equal(
            ["training_status_changed", "training_status_changed"],
            (await TimelineAsync(ect)).TakeLast(2).Select(e => e.GetProperty("type").GetString()));
    }

    public static TheoryData<string, string, object, string, string> Refusals => new()
    {
        { "mine", "withdraw", new { reason = "retired", course_identifier = "ecf-induction" }, "reason", ParticipantActionMessages.ReasonInvalid },
        { "mine", "withdraw", new { course_identifier = "ecf-induction" }, "reason", ParticipantActionMessages.ReasonMissing },
        { "mine", "defer", new { reason = "moved-school", course_identifier = "ecf-induction" }, "reason", ParticipantActionMessages.ReasonInvalid },
        { "mine", "resume", new { }, "course_identifier", ParticipantActionMessages.CourseMissing },
        { "mine", "withdraw", new { reason = "other", course_identifier = "ecf-mentor" }, "course_identifier", ParticipantActionMessages.CourseNotRecognised },
        { "unknown", "withdraw", new { reason = "other", course_identifier = "ecf-induction" }, "participant_id", ParticipantActionMessages.ParticipantNotRecognised },
        { "not-a-uuid", "defer", new { reason = "other", course_identifier = "ecf-induction" }, "participant_id", ParticipantActionMessages.ParticipantNotRecognised },
        { "theirs", "resume", new { course_identifier = "ecf-induction" }, "participant_id", ParticipantActionMessages.ParticipantNotRecognised },
        { "mine", "change-schedule", new { schedule_identifier = "ecf-standard-summer", course_identifier = "ecf-induction" }, "schedule_identifier", ParticipantActionMessages.ScheduleInvalid },
        { "mine", "change-schedule", new { schedule_identifier = "npq-leadership-autumn", course_identifier = "ecf-induction" }, "schedule_identifier", ParticipantActionMessages.ScheduleInvalidForCourse },
        { "mine", "change-schedule", new { schedule_identifier = "ecf-standard-september", course_identifier = "ecf-induction" }, "schedule_identifier", ParticipantActionMessages.ScheduleAlreadyOnProfile },
        { "mine", "change-schedule", new { schedule_identifier = "ecf-standard-january", course_identifier = "ecf-induction", cohort = "2019" }, "cohort", ParticipantActionMessages.CohortInvalid },
        { "mine", "change-schedule", new { schedule_identifier = "ecf-standard-january", course_identifier = "ecf-induction", cohort = "2024" }, "cohort", ParticipantActionMessages.NoPartnershipForCohort },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Action_BreaksARule_422WithEcfsMessageAndNothingWritten(string participant, string action, object attributes, string title, string detail)
    {
        var mine = await RegisterAsync();
        var theirs = await RegisterAsync(skip: 1);
        var target = participant switch { "mine" => mine, "theirs" => theirs, "unknown" => mine with { PersonId = Guid.NewGuid().ToString("D") }, _ => mine with { PersonId = "x" } };
        var events = (await TimelineAsync(mine)).Count;

        var refused = await ActAsync(mine with { PersonId = target.PersonId }, action, "2025-10-20T10:00:00Z", attributes, (HttpStatusCode)422);

        Assert.Equal((title, detail), HttpAssert.SingleV3Error(refused));
        Assert.Equal(events, (await TimelineAsync(mine)).Count);
    }

    [Fact]
    public async Task Action_WrongDataType_400AndNothingWritten()
    {
        var ect = await RegisterAsync();

        var response = await ect.Provider.SendAtAsync(HttpMethod.Put, $"/api/v3/participants/ecf/{ect.PersonId}/withdraw", "2025-10-20T10:00:00Z",
            new { data = new { type = "participant-defer", attributes = new { reason = "other", course_identifier = "ecf-induction" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("active", Enrolment(await HttpAssert.JsonAsync(await ect.Provider.GetAsync($"/api/v3/participants/ecf/{ect.PersonId}"), HttpStatusCode.OK)).GetProperty("training_status").GetString());
    }

    [Fact]
    public async Task Withdraw_TheEct_TheMentorsProviderSeesNothingChange()
    {
        var ect = await RegisterAsync();
        var (other, otherPartner) = await _factory.ProviderWithPartnerAsync(skip: 1);
        var schools = await _factory.CreateClientWithTokenAsync("school_service");
        await HttpAssert.JsonAsync(
            await schools.SendAtAsync(HttpMethod.Post, "/api/registrations/mentors", Registered, Registration(ect.Urn, ect.Trn, "mentor-registration", other.Id, otherPartner.Id)),
            HttpStatusCode.Created);
        var mentorProvider = await _factory.CreateClientWithTokenAsync("lead_provider", other.Name);
        var before = await HttpAssert.JsonAsync(await mentorProvider.GetAsync($"/api/v3/participants/ecf/{ect.PersonId}"), HttpStatusCode.OK);

        await ActAsync(ect, "withdraw", "2025-10-20T10:00:00Z", new { reason = "left-teaching-profession", course_identifier = "ecf-induction" }, HttpStatusCode.OK);

        var after = await HttpAssert.JsonAsync(await mentorProvider.GetAsync($"/api/v3/participants/ecf/{ect.PersonId}"), HttpStatusCode.OK);
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(("mentor", "active"), (Enrolment(after).GetProperty("participant_type").GetString(), Enrolment(after).GetProperty("training_status").GetString()));
        var mentorRefused = await ActAsync(ect with { Provider = mentorProvider }, "withdraw", "2025-10-20T11:00:00Z", new { reason = "other", course_identifier = "ecf-induction" }, (HttpStatusCode)422);
        Assert.Equal(("course_identifier", ParticipantActionMessages.CourseNotRecognised), HttpAssert.SingleV3Error(mentorRefused));
    }

    [Fact]
    public async Task ChangeSchedule_WithinTheCohort_NewTrainingPeriodWithTheSchedule_AndDeclarationsMustFitIt()
    {
        var ect = await RegisterAsync();
        await EligibleAsync(ect);
        await DeclareAsync(ect, "2025-10-16T10:00:00Z", "started", "2025-10-01T10:00:00Z", HttpStatusCode.OK);

        var april = await ActAsync(ect, "change-schedule", "2025-10-20T10:00:00Z", new { schedule_identifier = "ecf-standard-april", course_identifier = "ecf-induction" }, (HttpStatusCode)422);
        var cohort = await ActAsync(ect, "change-schedule", "2025-10-20T10:00:00Z", new { schedule_identifier = "ecf-standard-january", course_identifier = "ecf-induction", cohort = "2024" }, (HttpStatusCode)422);
        var changed = await ActAsync(ect, "change-schedule", "2025-10-20T10:00:00Z", new { schedule_identifier = "ecf-extended-september", course_identifier = "ecf-induction" }, HttpStatusCode.OK);

        Assert.Equal(("schedule_identifier", ParticipantActionMessages.ScheduleInvalidatesDeclarations), HttpAssert.SingleV3Error(april));
        Assert.Equal(
            [("schedule_identifier", ParticipantActionMessages.ScheduleInvalidatesDeclarations), ("cohort", ParticipantActionMessages.CannotChangeCohort)],
            cohort.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("title").GetString(), e.GetProperty("detail").GetString())));
        V3ResponseSchema.AssertValid("ECFParticipantResponse", changed);
        Assert.Equal(("ecf-extended-september", "2025"), (Enrolment(changed).GetProperty("schedule_identifier").GetString(), Enrolment(changed).GetProperty("cohort").GetString()));
        var person = await HttpAssert.JsonAsync(await ect.Admin.GetAsync($"/api/people/{ect.PersonId}"), HttpStatusCode.OK);
        var periods = person.GetProperty("participations")[0].GetProperty("trainingPeriods");
        Assert.Equal(
            [("ecf-standard-september", "2025-10-20"), ("ecf-extended-september", null)],
            periods.EnumerateArray().Select(p => (p.GetProperty("scheduleIdentifier").GetString(), p.GetProperty("to").GetString())));

        await ActAsync(ect, "withdraw", "2025-10-21T10:00:00Z", new { reason = "other", course_identifier = "ecf-induction" }, HttpStatusCode.OK);
        var withdrawn = await ActAsync(ect, "change-schedule", "2025-10-21T11:00:00Z", new { schedule_identifier = "ecf-standard-september", course_identifier = "ecf-induction" }, (HttpStatusCode)422);
        Assert.Equal(("participant_id", ParticipantActionMessages.WithdrawnParticipant), HttpAssert.SingleV3Error(withdrawn));
    }

    [Fact]
    public async Task ChangeContractYear_NotAFrozenYearParticipant_422NamingEveryConditionThatFailed_AndOnlyForAdmins()
    {
        var ect = await RegisterAsync();
        var path = $"/api/people/{ect.PersonId}/participations/{ect.TrainingRecordId}/change-contract-year";

        var refused = await HttpAssert.JsonAsync(await ect.Admin.SendAtAsync(HttpMethod.Post, path, "2025-10-20T10:00:00Z", new { contract_year = "2022" }), (HttpStatusCode)422);
        var forbidden = await ect.Provider.SendAtAsync(HttpMethod.Post, path, "2025-10-20T10:00:00Z", new { contract_year = "2022", attempt_to_transfer_leaving_billable_declarations = true });
        var unknown = await ect.Admin.SendAtAsync(HttpMethod.Post, $"/api/people/{Guid.NewGuid()}/participations/{ect.TrainingRecordId}/change-contract-year", "2025-10-20T10:00:00Z",
            new { contract_year = "2022", attempt_to_transfer_leaving_billable_declarations = true });

        Assert.Equal(["ecf.3731", "ecf.3739", "ecf.3741"], HttpAssert.ProblemCodes(refused));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private sealed record Ect(string PersonId, string TrainingRecordId, int Urn, string Trn, HttpClient Provider, HttpClient Admin);

    /// <summary>A new school in partnership with a provider for 2025 (the first with a delivery partner, after <paramref name="skip"/>), and an ECT registered there through it.</summary>
    private async Task<Ect> RegisterAsync(int skip = 0)
    {
        var urn = Interlocked.Increment(ref _nextUrn);
        var trn = "30" + urn.ToString(CultureInfo.InvariantCulture)[1..];
        var school = await _factory.AddSchoolAsync(urn, new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var (provider, partner) = await _factory.ProviderWithPartnerAsync(skip);
        var providerClient = await _factory.CreateClientWithTokenAsync("lead_provider", provider.Name);
        var schools = await _factory.CreateClientWithTokenAsync("school_service");
        var admin = await _factory.CreateClientWithTokenAsync("admin");
        await HttpAssert.JsonAsync(
            await providerClient.SendAtAsync(HttpMethod.Post, "/api/v3/partnerships/ecf", Registered,
                new { data = new { type = "ecf-partnership", attributes = new { cohort = "2025", school_id = school.SchoolId, delivery_partner_id = partner.Id } } }),
            HttpStatusCode.OK);
        var created = await HttpAssert.JsonAsync(
            await schools.SendAtAsync(HttpMethod.Post, "/api/registrations/ects", Registered, Registration(urn, trn, "ect-registration", null, null)), HttpStatusCode.Created);
        var personId = created.GetProperty("data").GetProperty("id").GetString()!;
        var person = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/people/{personId}"), HttpStatusCode.OK);
        return new Ect(personId, person.GetProperty("participations")[0].GetProperty("trainingRecordId").GetString()!, urn, trn, providerClient, admin);
    }

    private static object Registration(int urn, string trn, string type, Guid? provider, Guid? partner) => new
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
                school_urn = urn.ToString(CultureInfo.InvariantCulture),
                induction_start_date = type == "ect-registration" ? "2025-09-01" : null,
                training_programme = "provider_led",
                lead_provider_id = provider,
                delivery_partner_id = partner,
            },
        },
    };

    private static async Task EligibleAsync(Ect ect) =>
        await HttpAssert.JsonAsync(
            await ect.Admin.SendAtAsync(HttpMethod.Put, $"/api/people/{ect.PersonId}/participations/{ect.TrainingRecordId}/eligibility", Registered,
                new { status = "eligible", reason = "induction_confirmed", from = "2025-09-01" }),
            HttpStatusCode.OK);

    private static async Task<JsonElement> ActAsync(Ect ect, string action, string serverDate, object attributes, HttpStatusCode expected) =>
        await HttpAssert.JsonAsync(
            await ect.Provider.SendAtAsync(HttpMethod.Put, $"/api/v3/participants/ecf/{ect.PersonId}/{action}", serverDate, new { data = new { type = "participant-" + action, attributes } }),
            expected);

    private static async Task<JsonElement> DeclareAsync(Ect ect, string serverDate, string type, string date, HttpStatusCode expected, string? evidence = null) =>
        await HttpAssert.JsonAsync(
            await ect.Provider.SendAtAsync(HttpMethod.Post, "/api/v3/participant-declarations", serverDate, new
            {
                data = new
                {
                    type = "participant-declaration",
                    attributes = new { participant_id = ect.PersonId, declaration_type = type, declaration_date = date, course_identifier = CourseIdentifiers.EcfInduction, evidence_held = evidence },
                },
            }),
            expected);

    private static async Task<IReadOnlyList<JsonElement>> TimelineAsync(Ect ect) =>
        [.. (await HttpAssert.JsonAsync(await ect.Admin.GetAsync($"/api/people/{ect.PersonId}/timeline"), HttpStatusCode.OK)).EnumerateArray()];

    private static JsonElement Enrolment(JsonElement participant) => participant.GetProperty("data").GetProperty("attributes").GetProperty("ecf_enrolments")[0];
}
