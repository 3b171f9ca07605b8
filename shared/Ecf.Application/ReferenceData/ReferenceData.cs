using System.Text.Json;
using Ecf.Domain.ReferenceData;
using Ecf.Storage;

namespace Ecf.Application.ReferenceData;

/// <summary>
/// Reads reference data from the <c>reference</c> container (one single-partition query per kind) and keeps an immutable
/// snapshot in memory. The snapshot is cached only once the seed marker is present, so a read before the first seed does not
/// pin an empty set; <see cref="Invalidate"/> drops it (e.g. after re-seeding in the same process).
/// </summary>
public sealed class ReferenceData(IDocumentStore store, ReferenceSeedDocuments seed) : IReferenceData, IDisposable
{
    private readonly SemaphoreSlim loadLock = new(1, 1);
    private volatile ReferenceDataSnapshot? snapshot;
    private volatile IDocumentContainer? container;

    public void Invalidate() => snapshot = null;

    public async Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default)
    {
        var reference = await GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var marker = await reference.ReadAsync<ReferenceSeedMarker>(ReferenceKinds.Seed, ReferenceKinds.SeedMarkerId, cancellationToken).ConfigureAwait(false);
        return marker is not null && string.Equals(marker.Version, seed.Version, StringComparison.Ordinal);
    }

    public async Task<ReferenceDataSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (snapshot is { } cached)
        {
            return cached;
        }

        await loadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (snapshot is { } loaded)
            {
                return loaded;
            }

            var reference = await GetContainerAsync(cancellationToken).ConfigureAwait(false);
            var marker = await reference.ReadAsync(ReferenceKinds.Seed, ReferenceKinds.SeedMarkerId, cancellationToken).ConfigureAwait(false);
            async Task<IReadOnlyList<T>> Load<T>(string kind)
            {
                var documents = await ReferenceDataStore.ReadPartitionAsync(reference, kind, cancellationToken).ConfigureAwait(false);
                return [.. documents.Select(d => DocumentJson.Deserialize<Envelope<T>>(d.Json).Data)];
            }

            var result = new ReferenceDataSnapshot(new ReferenceSeed(
                await Load<ContractPeriod>(ReferenceKinds.ContractPeriod).ConfigureAwait(false),
                await Load<Schedule>(ReferenceKinds.EcfSchedule).ConfigureAwait(false),
                await Load<NpqSchedule>(ReferenceKinds.NpqSchedule).ConfigureAwait(false),
                await Load<StatementCalendarEntry>(ReferenceKinds.StatementCalendar).ConfigureAwait(false),
                await Load<LeadProvider>(ReferenceKinds.LeadProvider).ConfigureAwait(false),
                await Load<DeliveryPartner>(ReferenceKinds.DeliveryPartner).ConfigureAwait(false),
                await Load<ProviderRelationship>(ReferenceKinds.ProviderRelationship).ConfigureAwait(false)));
            if (marker is not null)
            {
                snapshot = result;
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "A reference document does not have the expected shape.", ex);
        }
        finally
        {
            loadLock.Release();
        }
    }

    public async Task<IReadOnlyList<LeadProvider>> GetLeadProvidersAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).LeadProviders;

    public async Task<LeadProvider?> FindLeadProviderByNameAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).FindLeadProviderByName(name);

    public async Task<LeadProvider?> GetLeadProviderAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetLeadProvider(id);

    public async Task<IReadOnlyList<ContractPeriod>> GetContractPeriodsAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).ContractPeriods;

    public async Task<ContractPeriod?> GetContractPeriodAsync(int year, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetContractPeriod(year);

    public async Task<IReadOnlyList<Schedule>> GetSchedulesAsync(int contractYear, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetSchedules(contractYear);

    public async Task<Schedule?> GetScheduleAsync(int contractYear, string identifier, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetSchedule(contractYear, identifier);

    public async Task<Milestone?> GetMilestoneAsync(int contractYear, string scheduleIdentifier, string declarationType, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetMilestone(contractYear, scheduleIdentifier, declarationType);

    public async Task<IReadOnlyList<NpqSchedule>> GetNpqSchedulesAsync(int cohort, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetNpqSchedules(cohort);

    public async Task<NpqSchedule?> GetNpqScheduleAsync(int cohort, string identifier, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetNpqSchedule(cohort, identifier);

    public async Task<IReadOnlyList<StatementCalendarEntry>> GetStatementCalendarAsync(int contractYear, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetStatementCalendar(contractYear);

    public async Task<IReadOnlyList<DeliveryPartner>> GetDeliveryPartnersAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).DeliveryPartners;

    public async Task<DeliveryPartner?> GetDeliveryPartnerAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetDeliveryPartner(id);

    public async Task<IReadOnlyList<ProviderRelationship>> GetRelationshipsAsync(Guid leadProviderId, int contractYear, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).GetRelationships(leadProviderId, contractYear);

    public void Dispose() => loadLock.Dispose();

    /// <summary>Ensures the container once per instance (a health check should cost one point read, not a create call).</summary>
    private async Task<IDocumentContainer> GetContainerAsync(CancellationToken cancellationToken) =>
        container ??= await ReferenceDataStore.GetContainerAsync(store, cancellationToken).ConfigureAwait(false);

    private sealed record Envelope<T>(T Data);
}
