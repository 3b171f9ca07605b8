using Ecf.Application.ProviderViews;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.Partnerships;
using Ecf.Storage;

namespace Ecf.Application.Partnerships;

/// <summary>A school's partnerships of a year as read, with the ETag its next replace must match (null: not stored yet).</summary>
public sealed record StoredSchoolPartnerships(SchoolPartnerships Value, string ETag);

/// <summary>
/// Reads and writes partnerships: the school's <see cref="SchoolPartnerships"/> document of the year (the source of truth,
/// written with create-only or If-Match), then the <see cref="PartnershipIndex"/> and the provider's <see cref="PartnershipView"/>
/// (upserts, idempotent: writing them again from the school document repairs a crash in between).
/// </summary>
public sealed class PartnershipDocuments(IDocumentStore store)
{
    private IDocumentContainer Schools => store.GetContainer(EcfContainers.Schools);

    public async Task<StoredSchoolPartnerships?> ReadAsync(string schoolId, int contractYear, CancellationToken cancellationToken = default)
    {
        var document = await Schools.ReadAsync(schoolId, SchoolPartnerships.DocumentId(contractYear), cancellationToken).ConfigureAwait(false);
        return document is null ? null : new StoredSchoolPartnerships(document.As<SchoolPartnerships>(), document.ETag);
    }

    public async Task<PartnershipIndex?> FindAsync(string partnershipId, CancellationToken cancellationToken = default)
    {
        var id = PartnershipIndex.DocumentId(partnershipId);
        return await store.GetContainer(EcfContainers.Identifiers).ReadAsync<PartnershipIndex>(id, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the year's document; false when another writer changed it first (decide again).</summary>
    public async Task<bool> TryWriteAsync(SchoolPartnerships value, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            if (ifMatch is null)
            {
                await Schools.CreateAsync(value.SchoolId, value.Id, value, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Schools.ReplaceAsync(value.SchoolId, value.Id, value, ifMatch, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed)
        {
            return false;
        }
    }

    /// <summary>The index and the provider's view of <paramref name="partnership"/> (upserts).</summary>
    public async Task WriteDerivedAsync(Partnership partnership, int urn, string deliveryPartnerName, SchoolCohortSetup? setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var index = PartnershipIndex.From(partnership);
        await store.GetContainer(EcfContainers.Identifiers).UpsertAsync(index.Id, index.Id, index, cancellationToken).ConfigureAwait(false);
        var view = PartnershipView.From(partnership, urn, deliveryPartnerName, setup);
        await store.GetContainer(EcfContainers.ProviderViews).UpsertAsync(view.LeadProviderId, view.Id, view, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PartnershipView?> ReadViewAsync(Guid leadProviderId, string partnershipId, CancellationToken cancellationToken = default) =>
        await store.GetContainer(EcfContainers.ProviderViews)
            .ReadAsync<PartnershipView>(ProviderViewKinds.Partition(leadProviderId), PartnershipView.DocumentId(partnershipId), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The school's current URN (for views), via the schools helper's documents.</summary>
    public static async Task<int?> CurrentUrnAsync(SchoolDocuments schools, string schoolId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schools);
        return (await schools.ReadAsync(schoolId, cancellationToken).ConfigureAwait(false))?.School.Urn;
    }
}
