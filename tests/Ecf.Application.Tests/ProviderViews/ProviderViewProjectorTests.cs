using System.Text;
using System.Text.Json.Nodes;
using Ecf.Application.ProviderViews;
using Ecf.Storage;
using Ecf.TestKit;

namespace Ecf.Application.Tests.ProviderViews;

public sealed class ProviderViewProjectorTests : IAsyncLifetime
{
    private ProviderViewsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ProviderViewsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunOnceAsync_ViewDeleted_RestoresIt()
    {
        var provider = _host.EcfProviders[0];
        var person = TestPeople.Ect(provider);
        await _host.CommitAsync(null, person);
        var before = await _host.ResourceAsync(provider, ProviderViewKinds.ParticipantId(person.PersonId));
        await _host.Views.DeleteAsync(ProviderViewKinds.Partition(provider), ProviderViewKinds.ParticipantId(person.PersonId));

        var run = await _host.Projector.RunOnceAsync();

        Assert.Equal(1, run.People);
        Assert.Equal(1, run.Writes);
        var after = await _host.ResourceAsync(provider, ProviderViewKinds.ParticipantId(person.PersonId));
        Assert.Equal(before!.Value.GetRawText(), after!.Value.GetRawText());
    }

    [Fact]
    public async Task RunOnceAsync_ViewAltered_RestoresContentAndKeepsUpdatedAt()
    {
        var provider = _host.EcfProviders[0];
        var person = TestPeople.Ect(provider);
        await _host.CommitAsync(null, person);
        var id = ProviderViewKinds.ParticipantId(person.PersonId);
        var before = await _host.ResourceAsync(provider, id);
        var stored = (await _host.ViewAsync(provider, id))!;
        var body = JsonNode.Parse(stored.Json.Span)!.AsObject();
        body["resource"]!["attributes"]!["full_name"] = "Someone Else";
        await _host.Views.ReplaceAsync(stored.PartitionKey, id, Encoding.UTF8.GetBytes(body.ToJsonString()), stored.ETag);

        await _host.Projector.RunOnceAsync();

        Assert.Equal(before!.Value.GetRawText(), (await _host.ResourceAsync(provider, id))!.Value.GetRawText());
    }

    [Fact]
    public async Task RunOnceAsync_Twice_SecondRunReadsAndWritesNothing()
    {
        var person = TestPeople.Ect(_host.EcfProviders[0]);
        await _host.CommitAsync(null, person);
        await _host.Projector.RunOnceAsync();

        var second = await _host.Projector.RunOnceAsync();

        Assert.Equal(new ProjectorRun(0, 0), second);
    }

    [Fact]
    public async Task RunOnceAsync_AfterReset_ReprojectsEveryoneWritingNothingWhenViewsAreRight()
    {
        await _host.CommitAsync(null, TestPeople.Ect(_host.EcfProviders[0]));
        await _host.CommitAsync(null, TestPeople.Ect(_host.EcfProviders[1]));
        await _host.Projector.RunOnceAsync();
        await _host.Projector.ResetAsync();

        var run = await _host.Projector.RunOnceAsync();

        Assert.Equal(new ProjectorRun(2, 0), run);
    }

    [Fact]
    public async Task RunOnceAsync_WriteMissedOnRequestPath_MakesTheView()
    {
        var provider = _host.EcfProviders[3];
        var person = TestPeople.Ect(provider);
        await _host.People.UpsertAsync(person.PersonId, person.Id, person);

        await _host.Projector.RunOnceAsync();

        Assert.NotNull(await _host.ResourceAsync(provider, ProviderViewKinds.ParticipantId(person.PersonId)));
    }
}
