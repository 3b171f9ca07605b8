using System.Globalization;
using System.Text.Json;
using Ecf.Application.Archive;
using Ecf.Application.Participants;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Orchestrations.Archive;
using Ecf.Orchestrations.Tests.Infrastructure;
using Ecf.Storage;
using Ecf.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.Tests.Archive;

/// <summary>
/// A real embedded store with the people, registration and provider-view services on a clock the test sets, and the in-process
/// test host (real time) running the archive with those services' handler. The app's clock decides "now" for the archive, as in
/// production.
/// </summary>
internal sealed class ArchiveHarness : PeopleHarness
{
    private ArchiveHarness((StoreHost Store, DurableTaskTestHost Host) hosts)
        : base(hosts)
    {
    }

    public static async Task<ArchiveHarness> StartAsync(DateTimeOffset now) =>
        new(await StartHostsAsync<ArchiveFrozenContractYearHandler>(now, registry => FrozenContractYearArchiveRegistration.Register(registry)));

    public void SetNow(string instant) => Clock.SetUtcNow(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    public Task<OrchestrationMetadata> RunAsync(FrozenContractYearArchiveInput input) => RunAsync(OrchestrationNames.FrozenContractYearArchive, input);

    /// <summary>Writes a person built directly (TestKit's <see cref="TestPeople"/>), reserves its TRN and writes its provider views.</summary>
    public async Task<Person> AddAsync(Person person)
    {
        Assert.NotNull(await People.TryWriteAsync(person, null, []));
        if (person.Trn is { } trn)
        {
            Assert.Equal(person.PersonId, await People.ReserveTrnAsync(trn, person.PersonId, Clock.GetUtcNow()));
        }

        await WriteViewsAsync(null, person);
        return person;
    }

    /// <summary>Replaces a stored person with <paramref name="change"/> of it, then its provider views.</summary>
    public async Task<Person> ChangeAsync(string personId, Func<Person, Person> change)
    {
        var stored = (await People.ReadAsync(personId))!;
        var written = await People.TryWriteAsync(change(stored.Person), stored.ETag, []);
        Assert.NotNull(written);
        await WriteViewsAsync(stored.Person, written.Person);
        return written.Person;
    }

    private async Task WriteViewsAsync(Person? before, Person after)
    {
        foreach (var writer in Services.GetServices<IProviderViewWriter>())
        {
            await writer.WriteAsync(before, after);
        }
    }

    /// <summary>
    /// Archives a person as a run does up to and including the removal from <c>people</c>, then stops (as a run that crashed
    /// there): the archived-TRN record is not written and the TRN stays reserved.
    /// </summary>
    public async Task StopAfterRemovalAsync(string personId, string instanceId)
    {
        var stored = (await People.ReadAsync(personId))!;
        var timeline = await People.ReadTimelineAsync(personId);
        var archive = Host.Get<ArchiveDocuments>();
        await archive.WriteAsync(new ArchivedPerson
        {
            Id = personId,
            PersonId = personId,
            Reason = Ecf.Domain.Archive.FrozenYearArchive.Reason,
            ContractYear = 2022,
            TrainingRecordIds = [.. stored.Person.Participations.Select(p => p.TrainingRecordId)],
            ArchivedAt = Clock.GetUtcNow(),
            InstanceId = instanceId,
            Person = stored.Person,
            Timeline = timeline,
        });
        await Host.Get<ArchivedPersonViews>().HideAsync(stored.Person, Clock.GetUtcNow());
        Assert.True(await archive.RemovePersonAsync(personId, stored.ETag, [.. timeline.Select(e => e.Id)]));
    }

    /// <summary>What <c>GET /api/v3/participants/ecf/{id}</c> answers the provider: the resource, or null for 404.</summary>
    public async Task<JsonElement?> GetParticipantAsync(Guid provider, string personId)
    {
        var result = await Services.GetRequiredService<GetParticipantHandler>().GetParticipantAsync(provider, personId);
        return result.IsSuccess ? JsonDocument.Parse(result.Value).RootElement.Clone() : null;
    }

    /// <summary>The ids in the provider's participant list (first page).</summary>
    public async Task<IReadOnlyList<string>> ListedIdsAsync(Guid provider) =>
        [.. (await ListAsync(provider)).Select(p => p.GetProperty("id").GetString()!)];

    /// <summary>The provider's view of a declaration: visible or not.</summary>
    public async Task<bool> DeclarationVisibleAsync(Guid provider, string declarationId)
    {
        var document = await Host.Container(EcfContainers.ProviderViews).ReadAsync<ProviderViewDocument>(ProviderViewKinds.Partition(provider), ProviderViewKinds.DeclarationId(declarationId));
        return document is { Hidden: false };
    }

    public Task<ArchivedPerson?> ReadArchiveAsync(string personId) => Host.Get<ArchiveDocuments>().ReadAsync(personId);

    public async Task<string?> TrnHolderAsync(string trn) => await People.FindPersonIdByTrnAsync(trn);

    public async Task<int> CountAsync(string container)
    {
        var count = 0;
        string? continuation = null;
        do
        {
            var page = await Host.Container(container).QueryCrossPartitionAsync(DocumentQuery.All(1000).WithContinuation(continuation));
            count += page.Documents.Count;
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return count;
    }
}
