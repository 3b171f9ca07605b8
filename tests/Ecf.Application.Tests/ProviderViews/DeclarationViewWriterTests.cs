using System.Text.Json;
using Ecf.Application.ProviderViews;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Storage;
using Ecf.TestKit;
using Moq;

namespace Ecf.Application.Tests.ProviderViews;

public sealed class DeclarationViewWriterTests : IAsyncLifetime
{
    private static readonly DateOnly TransferDate = new(2026, 1, 5);

    private readonly Mock<IPartnershipFacts> _facts = new();
    private ProviderViewsTestHost _host = null!;

    private Guid ProviderA => _host.EcfProviders[0];

    private Guid ProviderB => _host.EcfProviders[1];

    public async Task InitializeAsync()
    {
        SetChallenged(false);
        _host = await ProviderViewsTestHost.StartAsync(_facts.Object);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ProjectAsync_Declared_DeclaringProviderSeesTheV3ResourceAndNoOtherProviderHasAView()
    {
        var person = TestPeople.Ect(ProviderA);
        await _host.CommitWithDeclarationsAsync(null, person);
        var declared = person.Declared(ProviderA, "11111111-1111-4111-8111-111111111111");

        await _host.CommitWithDeclarationsAsync(person, declared);

        var id = ProviderViewKinds.DeclarationId("11111111-1111-4111-8111-111111111111");
        var resource = (await _host.ResourceAsync(ProviderA, id))!.Value;
        Assert.Equal("participant-declaration", resource.GetProperty("type").GetString());
        var attributes = resource.GetProperty("attributes");
        Assert.Equal(person.PersonId, attributes.GetProperty("participant_id").GetString());
        Assert.Equal("submitted", attributes.GetProperty("state").GetString());
        Assert.Equal("ecf-induction", attributes.GetProperty("course_identifier").GetString());
        Assert.Equal(_host.Host.Reference.GetLeadProvider(ProviderA)!.Name, attributes.GetProperty("lead_provider_name").GetString());
        Assert.Equal(TestPeople.DefaultDeliveryPartner.ToString("D"), attributes.GetProperty("delivery_partner_id").GetString());
        Assert.Equal("2025-09-01T08:01:00Z", attributes.GetProperty("created_at").GetString());
        Assert.Equal("2025-09-01T08:01:00Z", attributes.GetProperty("updated_at").GetString());
        var view = (await _host.ViewAsync(ProviderA, id))!.As<ProviderViewDocument>();
        Assert.Equal(ProviderViewKinds.Declaration, view.Kind);
        Assert.Equal(person.PersonId, view.PersonId);
        Assert.Equal(2025, view.Cohort);
        Assert.Equal(TestPeople.DefaultDeliveryPartner.ToString("D"), view.DeliveryPartnerId);
        Assert.Equal("2025-09-01T08:01:00.0000000Z 11111111-1111-4111-8111-111111111111", view.DeclarationSortKey);
        Assert.Equal(declared.TimelineSequence, view.Version);
        foreach (var other in _host.EcfProviders.Skip(1))
        {
            Assert.Null(await _host.ViewAsync(other, id));
        }
    }

    [Fact]
    public async Task ProjectAsync_TransferToAnotherProvider_NewProviderSeesTheEarlierProvidersDeclarationAndTheDeclaringOneKeepsIt()
    {
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA);
        await _host.CommitWithDeclarationsAsync(null, declared);
        var id = ProviderViewKinds.DeclarationId(Declaration(declared).Id);

        var moved = declared.Transferred(ProviderB, TransferDate);
        await _host.CommitWithDeclarationsAsync(declared, moved);

        var mine = (await _host.ResourceAsync(ProviderA, id))!.Value;
        var theirs = (await _host.ResourceAsync(ProviderB, id))!.Value;
        Assert.Equal(mine.GetProperty("attributes").GetProperty("lead_provider_name").GetString(), theirs.GetProperty("attributes").GetProperty("lead_provider_name").GetString());
        Assert.Equal("2025-09-01T08:01:00Z", mine.GetProperty("attributes").GetProperty("updated_at").GetString());
        // First seen by the new provider with the transfer: its updated_at is the transfer's, so its incremental sync finds it.
        Assert.Equal(V3Json.Time(moved.UpdatedAt), theirs.GetProperty("attributes").GetProperty("updated_at").GetString());
        Assert.Null(await _host.ViewAsync(_host.EcfProviders[2], id));
    }

    [Fact]
    public async Task ProjectAsync_EarlierProvidersDeclarationVoided_HiddenFromTheNewProviderWithItsKeysAndStillShownToTheDeclaringOne()
    {
        var moved = TestPeople.Ect(ProviderA).Declared(ProviderA).Transferred(ProviderB, TransferDate);
        await _host.CommitWithDeclarationsAsync(null, moved);
        var declarationId = Declaration(moved).Id;
        var id = ProviderViewKinds.DeclarationId(declarationId);
        var seen = (await _host.ViewAsync(ProviderB, id))!.As<ProviderViewDocument>();

        var voided = moved.DeclarationMoved(declarationId, DeclarationStates.Voided);
        await _host.CommitWithDeclarationsAsync(moved, voided);

        var hidden = (await _host.ViewAsync(ProviderB, id))!.As<ProviderViewDocument>();
        Assert.True(hidden.Hidden);
        Assert.Null(hidden.Resource);
        Assert.Null(hidden.DeclarationSortKey);
        Assert.Null(hidden.Cohort);
        Assert.Equal(seen.DeclarationSortKey, hidden.KeptSortKey);
        Assert.Equal(voided.TimelineSequence, hidden.Version);
        Assert.Equal("voided", (await _host.ResourceAsync(ProviderA, id))!.Value.GetProperty("attributes").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Dependents_NewProvidersPartnershipChallenged_HideTheDeclarationFromItButNotFromTheDeclaringProvider()
    {
        var moved = TestPeople.Ect(ProviderA).Declared(ProviderA).Transferred(ProviderB, TransferDate).Next(p => p with
        {
            Participations = [p.Participations[0] with { TrainingPeriods = [p.Participations[0].TrainingPeriods[0], p.Participations[0].TrainingPeriods[1] with { PartnershipId = "partnership-b" }] }],
        });
        await _host.CommitWithDeclarationsAsync(null, moved);
        var id = ProviderViewKinds.DeclarationId(Declaration(moved).Id);
        Assert.NotNull(await _host.ResourceAsync(ProviderB, id));

        SetChallenged(true);
        var run = await _host.Host.Get<ProviderViewDependents>().PartnershipChangedAsync("partnership-b", ProviderB);

        Assert.Equal(1, run.People);
        Assert.True((await _host.ViewAsync(ProviderB, id))!.As<ProviderViewDocument>().Hidden);
        Assert.True((await _host.ViewAsync(ProviderB, ProviderViewKinds.ParticipantId(moved.PersonId)))!.As<ProviderViewDocument>().Hidden);
        Assert.NotNull(await _host.ResourceAsync(ProviderA, id));
    }

    [Fact]
    public async Task ProjectAsync_ChangeTheDeclarationDoesNotShow_KeepsUpdatedAtAndMovesTheVersion()
    {
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA);
        await _host.CommitWithDeclarationsAsync(null, declared);
        var id = ProviderViewKinds.DeclarationId(Declaration(declared).Id);
        var first = (await _host.ResourceAsync(ProviderA, id))!.Value;

        var renamed = declared.Next(p => p with { FullName = "Ada King" });
        await _host.CommitWithDeclarationsAsync(declared, renamed);

        Assert.Equal(first.GetRawText(), (await _host.ResourceAsync(ProviderA, id))!.Value.GetRawText());
        Assert.Equal(renamed.TimelineSequence, (await _host.ViewAsync(ProviderA, id))!.As<ProviderViewDocument>().Version);
    }

    [Fact]
    public async Task ProjectAsync_DeclarationStateChanges_MovesUpdatedAtToTheChange()
    {
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA);
        await _host.CommitWithDeclarationsAsync(null, declared);
        var declarationId = Declaration(declared).Id;

        var voided = declared.DeclarationMoved(declarationId, DeclarationStates.Voided);
        await _host.CommitWithDeclarationsAsync(declared, voided);

        var view = (await _host.ViewAsync(ProviderA, ProviderViewKinds.DeclarationId(declarationId)))!.As<ProviderViewDocument>();
        var attributes = view.Resource!.Value.GetProperty("attributes");
        Assert.Equal("voided", attributes.GetProperty("state").GetString());
        Assert.Equal(V3Json.Time(voided.UpdatedAt), attributes.GetProperty("updated_at").GetString());
        Assert.Equal(V3Json.SortableTime(voided.UpdatedAt), view.DeclarationUpdatedAt);
        Assert.Equal(DeclarationViewWriter.SortKey(Declaration(declared)), view.DeclarationSortKey);
    }

    [Fact]
    public async Task ProjectAsync_OlderVersionAfterNewer_LeavesTheNewerView()
    {
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA);
        var declarationId = Declaration(declared).Id;
        var voided = declared.DeclarationMoved(declarationId, DeclarationStates.Voided);
        await _host.CommitWithDeclarationsAsync(null, voided);

        var writes = await _host.DeclarationWriter.ProjectAsync(null, declared);

        Assert.Equal(0, writes);
        var resource = (await _host.ResourceAsync(ProviderA, ProviderViewKinds.DeclarationId(declarationId)))!.Value;
        Assert.Equal("voided", resource.GetProperty("attributes").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ProjectAsync_SamePersonTwice_SecondWritesNothing()
    {
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA).Transferred(ProviderB, TransferDate);
        await _host.CommitWithDeclarationsAsync(null, declared);

        Assert.Equal(0, await _host.DeclarationWriter.ProjectAsync(null, declared));
    }

    [Fact]
    public async Task ProjectAsync_PersonWithoutDeclarations_ReadsAndWritesNothing()
    {
        var person = TestPeople.Ect(ProviderA);

        Assert.Equal(0, await _host.DeclarationWriter.ProjectAsync(null, person));
    }

    [Fact]
    public async Task ProjectAsync_EligibleDeclarationOnAPaidStatement_ShowsItPaidOnThatStatement()
    {
        var entry = _host.Host.Reference.StatementCalendar.First(e => e.ContractYear == 2025 && e.OutputFee);
        var statements = _host.Host.Get<StatementDocuments>();
        var statementId = await statements.EnsureAsync(ProviderA, entry, _host.Host.Clock.GetUtcNow());
        var finance = _host.Host.Container(EcfContainers.Finance);
        var statement = (await statements.ReadAsync(ProviderA, statementId))!;
        await finance.UpsertAsync(statement.LeadProviderId, statementId, statement with { State = DeclarationState.StatementPaid });
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA, state: DeclarationStates.Eligible, statementId: statementId);

        await _host.CommitWithDeclarationsAsync(null, declared);

        var attributes = (await _host.ResourceAsync(ProviderA, ProviderViewKinds.DeclarationId(Declaration(declared).Id)))!.Value.GetProperty("attributes");
        Assert.Equal("paid", attributes.GetProperty("state").GetString());
        Assert.Equal(statementId, attributes.GetProperty("statement_id").GetString());
    }

    [Fact]
    public async Task ProviderViewWriter_DeclarationTheProviderSeesChanges_MovesTheParticipantsUpdatedAtAndNothingElse()
    {
        var person = TestPeople.Ect(ProviderA);
        await _host.CommitWithDeclarationsAsync(null, person);
        var participantId = ProviderViewKinds.ParticipantId(person.PersonId);
        var before = (await _host.ResourceAsync(ProviderA, participantId))!.Value;

        var declared = person.Declared(ProviderA);
        await _host.CommitWithDeclarationsAsync(person, declared);
        var afterDeclared = (await _host.ResourceAsync(ProviderA, participantId))!.Value;
        var voided = declared.DeclarationMoved(Declaration(declared).Id, DeclarationStates.Voided);
        await _host.CommitWithDeclarationsAsync(declared, voided);
        var afterVoided = (await _host.ResourceAsync(ProviderA, participantId))!.Value;
        var renamedElsewhere = voided.Next(p => p with { DateOfBirth = new DateOnly(1991, 2, 2) });
        await _host.CommitWithDeclarationsAsync(voided, renamedElsewhere);

        Assert.Equal("2025-09-01T08:00:00Z", UpdatedAt(before));
        Assert.Equal(V3Json.Time(declared.UpdatedAt), UpdatedAt(afterDeclared));
        Assert.Equal(V3Json.Time(voided.UpdatedAt), UpdatedAt(afterVoided));
        Assert.Equal(V3Json.Time(voided.UpdatedAt), UpdatedAt((await _host.ResourceAsync(ProviderA, participantId))!.Value));
        Assert.Equal(WithoutUpdatedAt(before), WithoutUpdatedAt(afterVoided));
    }

    [Fact]
    public async Task ProviderViewWriter_NewProvidersParticipant_MovesWhenTheEarlierProvidersDeclarationIsVoided()
    {
        var moved = TestPeople.Ect(ProviderA).Declared(ProviderA).Transferred(ProviderB, TransferDate);
        await _host.CommitWithDeclarationsAsync(null, moved);

        var voided = moved.DeclarationMoved(Declaration(moved).Id, DeclarationStates.Voided);
        await _host.CommitWithDeclarationsAsync(moved, voided);

        Assert.Equal(V3Json.Time(voided.UpdatedAt), UpdatedAt((await _host.ResourceAsync(ProviderB, ProviderViewKinds.ParticipantId(moved.PersonId)))!.Value));
    }

    [Fact]
    public async Task Projector_DeclarationViewDeleted_RestoresIt()
    {
        var declared = TestPeople.Ect(ProviderA).Declared(ProviderA);
        await _host.CommitWithDeclarationsAsync(null, declared);
        var id = ProviderViewKinds.DeclarationId(Declaration(declared).Id);
        var before = (await _host.ResourceAsync(ProviderA, id))!.Value;
        await _host.Views.DeleteAsync(ProviderViewKinds.Partition(ProviderA), id);

        var run = await _host.Projector.RunOnceAsync();

        Assert.Equal(1, run.Writes);
        Assert.Equal(before.GetRawText(), (await _host.ResourceAsync(ProviderA, id))!.Value.GetRawText());
    }

    private static Declaration Declaration(Person person) => person.Participations[0].Declarations[0];

    private static string UpdatedAt(JsonElement resource) => resource.GetProperty("attributes").GetProperty("updated_at").GetString()!;

    private static string WithoutUpdatedAt(JsonElement resource)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(resource.GetRawText())!;
        node["attributes"]!.AsObject().Remove("updated_at");
        return node.ToJsonString();
    }

    private void SetChallenged(bool challenged) =>
        _facts.Setup(f => f.GetAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, PartnershipFact> { ["partnership-b"] = new("partnership-b", Guid.Empty, TestPeople.DefaultDeliveryPartner, challenged) });
}
