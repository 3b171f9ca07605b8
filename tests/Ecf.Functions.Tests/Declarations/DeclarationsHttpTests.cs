using System.Net;
using System.Text.Json;
using Ecf.Application.Declarations;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;
using Ecf.TestKit;

namespace Ecf.Functions.Tests.Declarations;

/// <summary>
/// The v3 declaration writes and the admin eligibility decision through the real pipeline on the embedded store, at a sandbox
/// date (20 November 2025): ECF's rules and messages, idempotency, and concurrent requests that must make one declaration.
/// </summary>
public sealed class DeclarationsHttpTests : IAsyncLifetime
{
    private const string Ambition = "Ambition Institute";
    private const string BestPractice = "Best Practice Network";
    private const string Now = "2025-11-20T10:00:00Z";

    private readonly EcfAppFactory _factory = new();

    private Guid _ambition;
    private Guid _bestPractice;
    private ReferenceDataSnapshot _reference = null!;

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
    public async Task Declare_ThenEligibilityThenVoid_SubmittedEligibleOnTheNextOutputStatementThenVoided()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);
        var admin = await ClientAsync("admin");

        var declared = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);
        var data = declared.GetProperty("data");
        var attributes = data.GetProperty("attributes");
        Assert.Equal("participant-declaration", data.GetProperty("type").GetString());
        Assert.Equal("submitted", attributes.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, attributes.GetProperty("statement_id").ValueKind);
        Assert.Equal(Ambition, attributes.GetProperty("lead_provider_name").GetString());
        Assert.Equal(TestPeople.DefaultDeliveryPartner.ToString("D"), attributes.GetProperty("delivery_partner_id").GetString());
        Assert.Equal(
            ["clawback_statement_id", "course_identifier", "created_at", "declaration_date", "declaration_type", "delivery_partner_id", "evidence_held", "has_passed",
             "ineligible_for_funding_reason", "lead_provider_name", "mentor_id", "participant_id", "state", "statement_id", "updated_at", "uplift_paid"],
            attributes.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var id = data.GetProperty("id").GetString()!;
        V3ResponseSchema.AssertValid("SingleParticipantDeclarationResponse", declared);

        var decided = await HttpAssert.JsonAsync(
            await admin.PutAsJsonAsync(
                $"/api/people/{ect.PersonId}/participations/{ect.Participations[0].TrainingRecordId}/eligibility",
                new { status = "eligible", reason = "induction_confirmed", from = "2025-09-01", note = "Checked with the appropriate body" }),
            HttpStatusCode.OK);
        var moved = Assert.Single(decided.GetProperty("declarations").EnumerateArray());
        Assert.Equal("eligible", moved.GetProperty("state").GetString());
        var expectedStatement = OutputStatements.StatementId(_ambition, OutputStatements.Next(_reference.StatementCalendar, 2025, new DateOnly(2025, 11, 20))!);
        Assert.Equal(expectedStatement, moved.GetProperty("statementId").GetString());
        var statement = await _factory.Services.GetRequiredService<StatementDocuments>().ReadAsync(_ambition, expectedStatement);
        Assert.NotNull(statement);
        Assert.True(statement.OutputFee);

        var voided = await HttpAssert.JsonAsync(await provider.PutAsync($"/api/v3/participant-declarations/{id}/void", null), HttpStatusCode.OK);
        Assert.Equal("voided", voided.GetProperty("data").GetProperty("attributes").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, voided.GetProperty("data").GetProperty("attributes").GetProperty("statement_id").ValueKind);
        V3ResponseSchema.AssertValid("SingleParticipantDeclarationResponse", voided);
        var again = await HttpAssert.JsonAsync(await provider.PutAsync($"/api/v3/participant-declarations/{id}/void", null), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("base", DeclarationMessages.AlreadyVoided), HttpAssert.SingleV3Error(again));

        var timeline = await _factory.Services.GetRequiredService<PersonDocuments>().ReadTimelineAsync(ect.PersonId);
        Assert.Equal(
            [PersonEventTypes.DeclarationRecorded, PersonEventTypes.FundingEligibilityRecorded, PersonEventTypes.DeclarationStateChanged, PersonEventTypes.DeclarationStateChanged],
            timeline.Select(e => e.Type));
        Assert.Equal("Checked with the appropriate body", timeline[1].Reason);
    }

    [Fact]
    public async Task Declare_EligibleOnTheDeclarationDate_EligibleAtOnceOnTheNextOutputStatement()
    {
        var ect = await CommitAsync(Eligible(TestPeople.Ect(_ambition)));
        var provider = await ProviderAsync(Ambition);

        var body = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);

        V3ResponseSchema.AssertValid("SingleParticipantDeclarationResponse", body);
        var attributes = body.GetProperty("data").GetProperty("attributes");
        Assert.Equal("eligible", attributes.GetProperty("state").GetString());
        Assert.Equal(OutputStatements.StatementId(_ambition, OutputStatements.Next(_reference.StatementCalendar, 2025, new DateOnly(2025, 11, 20))!), attributes.GetProperty("statement_id").GetString());
    }

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "unknown", "2025-10-01T10:00:00Z", "participant_id", DeclarationMessages.ParticipantNotRecognised },
        { "other-provider", "2025-10-01T10:00:00Z", "participant_id", DeclarationMessages.ParticipantNotRecognised },
        { "mine", "2025-11-21T10:00:00Z", "declaration_date", DeclarationMessages.DeclarationDateInFuture },
        { "mine", "2025-10-01", "declaration_date", DeclarationMessages.DeclarationDateInvalid },
        { "mine", "2025-13-01T10:00:00Z", "declaration_date", DeclarationMessages.DeclarationDateInvalid },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Declare_BreaksARule_422WithEcfsMessageAndNothingWritten(string participant, string date, string title, string detail)
    {
        var mine = await CommitAsync(TestPeople.Ect(_ambition));
        var theirs = await CommitAsync(TestPeople.Ect(_bestPractice));
        var participantId = participant switch { "mine" => mine.PersonId, "other-provider" => theirs.PersonId, _ => Guid.NewGuid().ToString("D") };
        var provider = await ProviderAsync(Ambition);

        var body = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(participantId, "started", date)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal((title, detail), HttpAssert.SingleV3Error(body));
        Assert.Empty(await DeclarationsOfAsync(mine.PersonId));
        Assert.Empty(await DeclarationsOfAsync(theirs.PersonId));
    }

    [Fact]
    public async Task Declare_TheSameMilestoneTwice_SecondIsEcfsDuplicateOnBase()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);

        var second = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-02T10:00:00Z")), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("base", DeclarationMessages.AlreadyDeclared), HttpAssert.SingleV3Error(second));
        Assert.Single(await DeclarationsOfAsync(ect.PersonId));
    }

    [Fact]
    public async Task Declare_WrongDataType_400CorrectJsonDataStructureRequired()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);

        var response = await provider.PostAsJsonAsync("/api/v3/participant-declarations", new { data = new { type = "declaration", attributes = Attributes(ect.PersonId, "started", "2025-10-01T10:00:00Z") } });

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("correct json data structure required", HttpAssert.SingleV3Error(body).Detail, StringComparison.Ordinal);
        Assert.Empty(await DeclarationsOfAsync(ect.PersonId));
    }

    [Fact]
    public async Task Declare_RetriedWithTheSameIdempotencyKey_TheFirstResponseAgainAndOneDeclaration()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);

        var first = await PostWithKeyAsync(provider, "key-1", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z"));
        var retry = await PostWithKeyAsync(provider, "key-1", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z"));
        var otherBody = await PostWithKeyAsync(provider, "key-1", Body(ect.PersonId, "started", "2025-10-02T10:00:00Z"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var refused = await HttpAssert.JsonAsync(otherBody, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Idempotency-Key", HttpAssert.SingleV3Error(refused).Title);
        Assert.Single(await DeclarationsOfAsync(ect.PersonId));
    }

    [Fact]
    public async Task Declare_FirstResponseNeverKept_TheRetryWithItsKeyFindsTheDeclarationItMade()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);
        var first = await HttpAssert.JsonAsync(await PostWithKeyAsync(provider, "lost", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);
        var recordId = IdempotencyRecords.DocumentId(_ambition, "lost");
        await _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.Identifiers).DeleteAsync(recordId, recordId);

        var retry = await HttpAssert.JsonAsync(await PostWithKeyAsync(provider, "lost", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);
        var otherBody = await HttpAssert.JsonAsync(await PostWithKeyAsync(provider, "lost", Body(ect.PersonId, "started", "2025-10-03T10:00:00Z")), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(first.GetProperty("data").GetProperty("id").GetString(), retry.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("Idempotency-Key", HttpAssert.SingleV3Error(otherBody).Title);
        Assert.Single(await DeclarationsOfAsync(ect.PersonId));
    }

    [Fact]
    public async Task Eligibility_EndsAfterADeclaration_ItStaysEligibleAndALaterOneIsSubmitted()
    {
        var ect = await CommitAsync(Eligible(TestPeople.Ect(_ambition)));
        var provider = await ProviderAsync(Ambition);
        var admin = await ClientAsync("admin");
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);

        await HttpAssert.JsonAsync(
            await admin.PutAsJsonAsync(
                $"/api/people/{ect.PersonId}/participations/{ect.Participations[0].TrainingRecordId}/eligibility",
                new { status = "ineligible", reason = "induction_failed", from = "2025-11-01" }),
            HttpStatusCode.OK);
        var later = await HttpAssert.JsonAsync(
            await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "retained-1", "2025-11-10T10:00:00Z", "training-event-attended")),
            HttpStatusCode.OK);

        Assert.Equal("submitted", later.GetProperty("data").GetProperty("attributes").GetProperty("state").GetString());
        var declarations = await DeclarationsOfAsync(ect.PersonId);
        Assert.Equal(DeclarationStates.Eligible, declarations.Single(d => d.DeclarationType == "started").State);
        Assert.Equal(DeclarationStates.Submitted, declarations.Single(d => d.DeclarationType == "retained-1").State);
    }

    [Fact]
    public async Task Declare_RefusedWithAnIdempotencyKey_TheRetryGetsTheSameRefusal()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);

        var first = await PostWithKeyAsync(provider, "refused", Body(ect.PersonId, "extended-1", "2025-10-01T10:00:00Z"));
        var retry = await PostWithKeyAsync(provider, "refused", Body(ect.PersonId, "extended-1", "2025-10-01T10:00:00Z"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(("declaration_type", DeclarationMessages.DeclarationTypeNotOnSchedule), HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(retry, HttpStatusCode.UnprocessableEntity)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Declare_ManyIdenticalRequestsAtOnce_ExactlyOneDeclarationAndNoServerError(bool withKey)
    {
        var ect = await CommitAsync(Eligible(TestPeople.Ect(_ambition)));
        var provider = await ProviderAsync(Ambition);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => withKey
            ? PostWithKeyAsync(provider, "same-key", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z"))
            : provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{(int)r.StatusCode}"));
        var declaration = Assert.Single(await DeclarationsOfAsync(ect.PersonId));
        var ok = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        if (withKey)
        {
            Assert.Equal(40, ok.Count);
        }
        else
        {
            Assert.Single(ok);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                Assert.Equal(("base", DeclarationMessages.AlreadyDeclared), HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(refused, HttpStatusCode.UnprocessableEntity)));
            }
        }

        foreach (var response in ok)
        {
            Assert.Equal(declaration.Id, (await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").GetProperty("id").GetString());
        }

        Assert.Equal(DeclarationStates.Eligible, declaration.State);
    }

    [Fact]
    public async Task Declare_EveryMilestoneAtOnce_AllKeptNoLostUpdate()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);
        string[] types = ["started", "retained-1", "retained-2", "retained-3", "retained-4", "completed"];

        var responses = await Task.WhenAll(types.Select((type, i) =>
            provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, type, $"2025-10-{10 + i:D2}T10:00:00Z", Evidence(type)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(types.Order(StringComparer.Ordinal), (await DeclarationsOfAsync(ect.PersonId)).Select(d => d.DeclarationType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VoidAndDeclareTheSameMilestoneAtOnce_NeverTwoDeclarationsHoldingTheSlot()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var provider = await ProviderAsync(Ambition);
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);
        for (var round = 0; round < 5; round++)
        {
            var held = (await DeclarationsOfAsync(ect.PersonId)).Single(d => DeclarationStates.HoldsSlot(d.State));
            var responses = await Task.WhenAll(
                provider.PutAsync($"/api/v3/participant-declarations/{held.Id}/void", null),
                provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")));

            Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
            Assert.True(responses[1].StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity);
            var declarations = await DeclarationsOfAsync(ect.PersonId);
            Assert.True(declarations.Count(d => DeclarationStates.HoldsSlot(d.State)) <= 1);
            if (declarations.All(d => !DeclarationStates.HoldsSlot(d.State)))
            {
                await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/participant-declarations", Body(ect.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);
            }
        }
    }

    [Fact]
    public async Task Void_AnotherProvidersDeclaration_SameResponseAsAnUnknownId()
    {
        var theirs = await CommitAsync(TestPeople.Ect(_bestPractice));
        var other = await ProviderAsync(BestPractice);
        var declared = await HttpAssert.JsonAsync(await other.PostAsJsonAsync("/api/v3/participant-declarations", Body(theirs.PersonId, "started", "2025-10-01T10:00:00Z")), HttpStatusCode.OK);
        var id = declared.GetProperty("data").GetProperty("id").GetString();
        var provider = await ProviderAsync(Ambition);

        var response = await provider.PutAsync($"/api/v3/participant-declarations/{id}/void", null);
        var unknown = await provider.PutAsync($"/api/v3/participant-declarations/{Guid.NewGuid()}/void", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Equal(DeclarationStates.Submitted, Assert.Single(await DeclarationsOfAsync(theirs.PersonId)).State);
    }

    [Fact]
    public async Task Eligibility_BadDecision_ProblemPerFieldAndNothingWritten()
    {
        var ect = await CommitAsync(TestPeople.Ect(_ambition));
        var admin = await ClientAsync("admin");

        var response = await admin.PutAsJsonAsync(
            $"/api/people/{ect.PersonId}/participations/{ect.Participations[0].TrainingRecordId}/eligibility",
            new { status = "maybe", reason = "", from = "2030-01-01" });

        var (code, body) = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ecf.3630", code);
        Assert.Equal(["ecf.3630", "ecf.3631", "ecf.3632"], HttpAssert.ProblemCodes(body));
        Assert.Equal(ect.TimelineSequence, (await _factory.Services.GetRequiredService<PersonDocuments>().ReadAsync(ect.PersonId))!.Person.TimelineSequence);
    }

    private static Person Eligible(Person person) => person with
    {
        Participations =
        [
            person.Participations[0] with
            {
                FundingEligibility = [new FundingEligibilityPeriod(person.Participations[0].TrainingRecordId + ":eligibility:1", FundingEligibilityStatuses.Eligible, "induction_confirmed", "test", new DateOnly(2025, 9, 1), null)],
            },
        ],
    };

    private static string? Evidence(string type) => type switch
    {
        "started" => null,
        "retained-2" => "75-percent-engagement-met",
        "completed" => "75-percent-engagement-met",
        _ => "training-event-attended",
    };

    private static object Attributes(string participantId, string type, string date, string? evidence = null) => new
    {
        participant_id = participantId,
        declaration_type = type,
        declaration_date = date,
        course_identifier = "ecf-induction",
        evidence_held = evidence,
    };

    private static object Body(string participantId, string type, string date, string? evidence = null) =>
        new { data = new { type = "participant-declaration", attributes = Attributes(participantId, type, date, evidence) } };

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/participant-declarations") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<HttpClient> ProviderAsync(string name) => await ClientAsync("lead_provider", name);

    private async Task<HttpClient> ClientAsync(string role, string? provider = null)
    {
        var client = await _factory.CreateClientWithTokenAsync(role, provider);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", Now);
        return client;
    }

    private async Task<Person> CommitAsync(Person person)
    {
        var store = _factory.Services.GetRequiredService<IDocumentStore>();
        await store.GetContainer(EcfContainers.People).UpsertAsync(person.PersonId, person.Id, person);
        await _factory.Services.GetRequiredService<IProviderViewWriter>().WriteAsync(null, person);
        return person;
    }

    private async Task<IReadOnlyList<Declaration>> DeclarationsOfAsync(string personId) =>
        (await _factory.Services.GetRequiredService<PersonDocuments>().ReadAsync(personId))!.Person.Participations.SelectMany(p => p.Declarations).ToList();
}
