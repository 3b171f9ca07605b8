using System.Text.Json;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;
using Ecf.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Tests.ProviderViews;

/// <summary>The provider views on a <see cref="StoreHost"/>: person documents are committed as the registration path commits them.</summary>
public sealed class ProviderViewsTestHost(StoreHost host) : IAsyncDisposable
{
    public StoreHost Host { get; } = host;

    public ProviderViewWriter Writer => Host.Get<ProviderViewWriter>();

    public DeclarationViewWriter DeclarationWriter => Host.Get<DeclarationViewWriter>();

    public ProviderViewProjector Projector => Host.Get<ProviderViewProjector>();

    public IDocumentContainer Views => Host.Container(EcfContainers.ProviderViews);

    public IDocumentContainer People => Host.Container(EcfContainers.People);

    public IReadOnlyList<Guid> EcfProviders => Host.EcfProviders;

    public static async Task<ProviderViewsTestHost> StartAsync(IPartnershipFacts? partnershipFacts = null) =>
        new(await StoreHost.StartAsync(services =>
        {
            if (partnershipFacts is not null)
            {
                services.AddSingleton(partnershipFacts);
            }

            services.AddEcfProviderViews();
        }));

    /// <summary>Stores the person document (as the registration path would) and projects it.</summary>
    public async Task<int> CommitAsync(Person? before, Person after)
    {
        await People.UpsertAsync(after.PersonId, after.Id, after);
        return await Writer.ProjectAsync(before, after);
    }

    /// <summary>Stores the person document and runs every provider view writer, as the declaration commands do; returns the declaration views written.</summary>
    public async Task<int> CommitWithDeclarationsAsync(Person? before, Person after)
    {
        await CommitAsync(before, after);
        return await DeclarationWriter.ProjectAsync(before, after);
    }

    public async Task<StoredDocument?> ViewAsync(Guid provider, string id) => await Views.ReadAsync(ProviderViewKinds.Partition(provider), id);

    public async Task<JsonElement?> ResourceAsync(Guid provider, string id)
    {
        var stored = await ViewAsync(provider, id);
        if (stored is null)
        {
            return null;
        }

        var resource = ProviderViewResources.Extract(stored.Json);
        return resource.IsEmpty ? null : JsonDocument.Parse(resource).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
