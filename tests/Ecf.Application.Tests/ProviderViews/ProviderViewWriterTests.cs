using System.Text.Json;
using Ecf.Application.ProviderViews;
using Ecf.Storage;
using Ecf.TestKit;
using Moq;

namespace Ecf.Application.Tests.ProviderViews;

public sealed class ProviderViewWriterTests : IAsyncLifetime
{
    private ProviderViewsTestHost _host = null!;

    private Guid ProviderA => _host.EcfProviders[0];

    private Guid ProviderB => _host.EcfProviders[1];

    public async Task InitializeAsync() => _host = await ProviderViewsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ProjectAsync_NewEct_WritesParticipantViewForItsProviderOnly()
    {
        var person = TestPeople.Ect(ProviderA);

        await _host.CommitAsync(null, person);

        var resource = await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId));
        Assert.NotNull(resource);
        Assert.Equal(person.PersonId, resource.Value.GetProperty("id").GetString());
        Assert.Equal("participant", resource.Value.GetProperty("type").GetString());
        var attributes = resource.Value.GetProperty("attributes");
        Assert.Equal("Ada Lovelace", attributes.GetProperty("full_name").GetString());
        Assert.Equal("2025-09-01T08:00:00Z", attributes.GetProperty("updated_at").GetString());
        var enrolment = Assert.Single(attributes.GetProperty("ecf_enrolments").EnumerateArray());
        Assert.Equal("ect", enrolment.GetProperty("participant_type").GetString());
        Assert.Equal("2025", enrolment.GetProperty("cohort").GetString());
        Assert.Equal("100001", enrolment.GetProperty("school_urn").GetString());
        Assert.Equal(JsonValueKind.Null, enrolment.GetProperty("eligible_for_funding").ValueKind);
        Assert.Equal(JsonValueKind.Null, enrolment.GetProperty("withdrawal").ValueKind);
        foreach (var other in _host.EcfProviders.Skip(1))
        {
            Assert.Null(await _host.ViewAsync(other, ProviderViewKinds.ParticipantId(person.PersonId)));
        }
    }

    [Fact]
    public async Task ProjectAsync_ChangeTheProviderCannotSee_KeepsUpdatedAtAndContent()
    {
        var person = TestPeople.Ect(ProviderA);
        await _host.CommitAsync(null, person);
        var first = await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId));

        var changed = person.Next(p => p with { DateOfBirth = new DateOnly(1991, 2, 2) });
        await _host.CommitAsync(person, changed);

        var second = await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId));
        Assert.Equal(first!.Value.GetRawText(), second!.Value.GetRawText());
    }

    [Fact]
    public async Task ProjectAsync_ChangeTheProviderSees_MovesUpdatedAt()
    {
        var person = TestPeople.Ect(ProviderA);
        await _host.CommitAsync(null, person);

        var changed = person.Next(p => p with { FullName = "Ada King" });
        await _host.CommitAsync(person, changed);

        var attributes = (await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)))!.Value.GetProperty("attributes");
        Assert.Equal("Ada King", attributes.GetProperty("full_name").GetString());
        Assert.Equal("2025-09-01T08:01:00Z", attributes.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task ProjectAsync_OlderVersionAfterNewer_LeavesNewerView()
    {
        var person = TestPeople.Ect(ProviderA);
        var newer = person.Next(p => p with { FullName = "Ada King" });
        await _host.CommitAsync(null, newer);

        var writes = await _host.Writer.ProjectAsync(null, person);

        Assert.Equal(0, writes);
        var attributes = (await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)))!.Value.GetProperty("attributes");
        Assert.Equal("Ada King", attributes.GetProperty("full_name").GetString());
    }

    [Fact]
    public async Task ProjectAsync_TransferToAnotherProvider_HidesFromOldShowsToNewAndBothSeeTheTransfer()
    {
        var person = TestPeople.Ect(ProviderA);
        await _host.CommitAsync(null, person);
        var sortKeyBefore = (await _host.ViewAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)))!.As<ProviderViewDocument>().SortKey;

        var moved = person.Transferred(ProviderB, new DateOnly(2026, 1, 5));
        await _host.CommitAsync(person, moved);

        var old = (await _host.ViewAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)))!.As<ProviderViewDocument>();
        Assert.True(old.Hidden);
        Assert.Null(old.SortKey);
        Assert.Equal(sortKeyBefore, old.KeptSortKey);
        Assert.NotNull(await _host.ResourceAsync(ProviderB, ProviderViewKinds.ParticipantId(person.PersonId)));
        foreach (var provider in new[] { ProviderA, ProviderB })
        {
            var transfer = (await _host.ResourceAsync(provider, ProviderViewKinds.TransferId(person.PersonId)))!.Value;
            var entry = Assert.Single(transfer.GetProperty("attributes").GetProperty("transfers").EnumerateArray());
            Assert.Equal("new_provider", entry.GetProperty("transfer_type").GetString());
            Assert.Equal("incomplete", entry.GetProperty("status").GetString());
            Assert.Equal("100001", entry.GetProperty("leaving").GetProperty("school_urn").GetString());
            Assert.Equal("2026-01-05", entry.GetProperty("joining").GetProperty("date").GetString());
        }

        Assert.Null(await _host.ViewAsync(_host.EcfProviders[2], ProviderViewKinds.TransferId(person.PersonId)));
    }

    [Fact]
    public async Task ProjectAsync_ChallengedPartnership_HidesTheParticipant()
    {
        await _host.DisposeAsync();
        var facts = new Mock<IPartnershipFacts>();
        _host = await ProviderViewsTestHost.StartAsync(facts.Object);
        var person = TestPeople.Ect(ProviderA, partnershipId: "partnership-1");
        facts.Setup(f => f.GetAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, PartnershipFact> { ["partnership-1"] = new("partnership-1", ProviderA, Guid.NewGuid(), Challenged: false) });
        await _host.CommitAsync(null, person);
        Assert.NotNull(await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)));

        facts.Setup(f => f.GetAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, PartnershipFact> { ["partnership-1"] = new("partnership-1", ProviderA, Guid.NewGuid(), Challenged: true) });
        await _host.Writer.ProjectAsync(null, person);

        Assert.Null(await _host.ResourceAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)));
    }

    [Fact]
    public async Task ProjectAsync_SamePersonTwice_SecondWritesNothing()
    {
        var person = TestPeople.Ect(ProviderA);
        await _host.CommitAsync(null, person);
        var etag = (await _host.ViewAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)))!.ETag;

        var writes = await _host.Writer.ProjectAsync(null, person);

        Assert.Equal(0, writes);
        Assert.Equal(etag, (await _host.ViewAsync(ProviderA, ProviderViewKinds.ParticipantId(person.PersonId)))!.ETag);
    }
}
