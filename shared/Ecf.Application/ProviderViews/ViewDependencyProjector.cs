using System.Text.Json;
using Ecf.Application.Storage;
using Ecf.Domain.Partnerships;
using Ecf.Domain.Schools;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Keeps participant views in step with the partnerships and schools they show, from the <c>schools</c> container's change
/// feed (a school's partnerships of a year live in its partition) and a checkpoint, as <see cref="ProviderViewProjector"/>
/// does for people. For a year's partnerships document: first repairs the derived partnership documents the projection reads
/// (<see cref="IPartnershipFactsRepair"/>), then re-projects the people whose views name each partnership. For a school that
/// has had more than one URN: re-projects the people whose views name the school. So a partnership challenged, a delivery
/// partner changed or a URN changed reaches the views even when the request path stopped after its own write. A re-numbered
/// school's partnership documents are repaired too, so the partnerships API shows its current URN.
/// </summary>
public sealed class ViewDependencyProjector(
    IDocumentStore store, ProviderViewDependents dependents, ISchoolFacts schoolFacts, IEnumerable<IPartnershipFactsRepair> repairs)
{
    public const string CheckpointId = "checkpoint:schools";

    private const int PageSize = 200;

    /// <summary>Reads the feed from the checkpoint to its end, saving the checkpoint after each page.</summary>
    /// <returns>People re-projected and view documents written.</returns>
    public async Task<ProjectorRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var views = store.GetContainer(EcfContainers.ProviderViews);
        var schools = store.GetContainer(EcfContainers.Schools);
        var checkpoint = await views.ReadAsync<ProjectorCheckpoint>(ProviderViewProjector.CheckpointPartition, CheckpointId, cancellationToken).ConfigureAwait(false);
        var continuation = checkpoint?.Continuation;
        var facts = new RunSchoolFacts(schoolFacts);
        int people = 0, writes = 0;
        while (true)
        {
            var page = await schools.ReadChangeFeedAsync(continuation, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var document in page.Documents)
            {
                var run = await ApplyAsync(document, facts, cancellationToken).ConfigureAwait(false);
                people += run.People;
                writes += run.Writes;
            }

            if (page.Documents.Count == 0 || page.Continuation == continuation)
            {
                return new ProjectorRun(people, writes);
            }

            continuation = page.Continuation;
            await views.UpsertAsync(
                ProviderViewProjector.CheckpointPartition, CheckpointId, new ProjectorCheckpoint(CheckpointId, ProviderViewProjector.CheckpointPartition, continuation), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<ProjectorRun> ApplyAsync(StoredDocument document, RunSchoolFacts facts, CancellationToken cancellationToken)
    {
        var kind = KeysetContinuation.ValueAt(document.Json, "kind") is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        int people = 0, writes = 0;
        switch (kind)
        {
            case SchoolPartnerships.DocumentKind:
                var year = document.As<SchoolPartnerships>();
                foreach (var repair in repairs)
                {
                    await repair.RepairAsync(year, cancellationToken).ConfigureAwait(false);
                }

                foreach (var partnership in year.Partnerships)
                {
                    var run = await dependents.PartnershipChangedAsync(partnership.Id, partnership.LeadProviderId, facts, cancellationToken).ConfigureAwait(false);
                    people += run.People;
                    writes += run.Writes;
                }

                break;
            case School.DocumentKind:
                var school = document.As<School>();
                facts.Observe(new SchoolFact(school.SchoolId, school.Urn, school.UpdatedAt));
                if (school.Urns.Count > 1)
                {
                    await RepairPartnershipsOfAsync(school.SchoolId, cancellationToken).ConfigureAwait(false);
                    var run = await dependents.SchoolChangedAsync(school.SchoolId, facts, cancellationToken).ConfigureAwait(false);
                    people += run.People;
                    writes += run.Writes;
                }

                break;
            default:
                break;
        }

        return new ProjectorRun(people, writes);
    }

    /// <summary>A re-numbered school's partnership documents show its current URN: each year's derived documents are repaired.</summary>
    private async Task RepairPartnershipsOfAsync(string schoolId, CancellationToken cancellationToken)
    {
        var schools = store.GetContainer(EcfContainers.Schools);
        var query = DocumentQuery.All(PageSize).WhereEquals("kind", SchoolPartnerships.DocumentKind);
        string? continuation = null;
        do
        {
            var page = await schools.QueryAsync(schoolId, query.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            foreach (var document in page.Documents)
            {
                foreach (var repair in repairs)
                {
                    await repair.RepairAsync(document.As<SchoolPartnerships>(), cancellationToken).ConfigureAwait(false);
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>Forgets the checkpoint, so the next run re-checks every partnership and re-numbered school.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetContainer(EcfContainers.ProviderViews).DeleteAsync(ProviderViewProjector.CheckpointPartition, CheckpointId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.NotFound)
        {
            // Nothing saved yet.
        }
    }
}
