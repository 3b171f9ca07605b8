using Ecf.Application.Schools;
using Ecf.Domain.Schools;
using Ecf.Storage.Files;
using Microsoft.Extensions.Options;

namespace Ecf.Application.Gias;

public sealed record ApplyGiasLinksCommand(string LinksFile, string CorrelationId, DateTimeOffset At);

/// <summary>
/// Applies the successor links after every batch: for each closed school with successor links, <see cref="SchoolLinkDecider"/>
/// decides academisation (the school keeps its id and takes the successor's URN), a merge, or nothing. Writes the continuing
/// school first and the successor's superseded record second, so a crash in between is completed by the next run. A link that
/// would retire a school record with registrations or partnerships (the successor's at academisation, the predecessor at a
/// merge) is refused: both stay as they are, the link is listed in <see cref="GiasLinksResult.Rejected"/> with its row and why,
/// and the predecessor's timeline records it once.
/// </summary>
public sealed class ApplyGiasLinksHandler(IFileStore files, SchoolDocuments schools, IOptions<GiasImportOptions> options)
{
    public async Task<GiasLinksResult> HandleAsync(ApplyGiasLinksCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Dictionary<int, List<GiasLink>> links;
        List<GiasRejectedRow> rejected;
        await using (var stream = await files.OpenReadAsync(command.LinksFile, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"The links file {command.LinksFile} is not in the file store."))
        {
            (links, rejected) = GiasLinksReader.ReadSuccessorLinks(stream);
        }

        var context = new SchoolChangeContext(command.At, ImportGiasBatchHandler.Source, command.CorrelationId);
        var predecessors = await schools.FindByUrnsAsync(links.Keys.ToList(), options.Value.ReadParallelism, cancellationToken).ConfigureAwait(false);
        var successorUrns = links.Values.SelectMany(l => l).Select(l => l.LinkUrn).Distinct().ToList();
        var successors = await schools.FindByUrnsAsync(successorUrns, options.Value.ReadParallelism, cancellationToken).ConfigureAwait(false);

        int academised = 0, merged = 0, already = 0, notApplicable = 0, refused = 0;
        var continuing = new List<(School School, string? ETag)>();
        var superseded = new List<(School School, string? ETag)>();
        foreach (var (urn, list) in links.OrderBy(l => l.Key))
        {
            if (predecessors[urn] is not { } predecessor)
            {
                notApplicable++;
                continue;
            }

            var linkUrns = list.Select(l => l.LinkUrn).Distinct().ToList();
            var successor = linkUrns.Count == 1 ? await ResolveSuccessorAsync(linkUrns[0], predecessor, successors, cancellationToken).ConfigureAwait(false) : null;
            var decision = SchoolLinkDecider.Decide(predecessor.School, list, successor?.School, context);
            if (decision.RetiredSchoolId is { } retired && await schools.HasRegistrationsOrPartnershipsAsync(retired, cancellationToken).ConfigureAwait(false))
            {
                decision = SchoolLinkDecider.Refuse(predecessor.School, successor!.School, decision, context);
            }

            switch (decision.Outcome)
            {
                case SchoolLinkOutcome.AlreadyApplied:
                    already++;
                    continue;
                case SchoolLinkOutcome.NotApplicable:
                    notApplicable++;
                    continue;
                case SchoolLinkOutcome.Academised:
                    academised++;
                    break;
                case SchoolLinkOutcome.Merged:
                    merged++;
                    break;
                case SchoolLinkOutcome.Refused:
                    refused++;
                    rejected.Add(new GiasRejectedRow(decision.Link!.Row, urn.ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Reason!));
                    break;
            }

            if (decision.Predecessor is { } p)
            {
                continuing.Add((p, predecessor.ETag));
            }

            if (decision.Successor is { } s)
            {
                superseded.Add((s, successor!.ETag));
            }
        }

        // Continuing schools first, then the superseded records: a crash in between is completed by the next run.
        await WriteAllAsync(continuing, cancellationToken).ConfigureAwait(false);
        await WriteAllAsync(superseded, cancellationToken).ConfigureAwait(false);
        return new GiasLinksResult(links.Values.Sum(l => l.Count), academised, merged, already, notApplicable, refused, continuing.Count + superseded.Count, rejected);
    }

    /// <summary>
    /// The successor's own record. For a half-applied academisation the URN already resolves to the predecessor, so the successor's
    /// record is read directly at its derived id.
    /// </summary>
    private async Task<StoredSchool?> ResolveSuccessorAsync(int linkUrn, StoredSchool predecessor, Dictionary<int, StoredSchool?> successors, CancellationToken cancellationToken)
    {
        var resolved = successors.GetValueOrDefault(linkUrn);
        if (resolved is not null && resolved.School.SchoolId == predecessor.School.SchoolId)
        {
            return await schools.ReadAsync(SchoolIds.ForUrn(linkUrn), cancellationToken).ConfigureAwait(false) ?? resolved;
        }

        return resolved;
    }

    private async Task WriteAllAsync(List<(School School, string? ETag)> changes, CancellationToken cancellationToken)
    {
        var lost = await schools.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        if (lost.Count > 0)
        {
            throw new InvalidOperationException($"Schools {string.Join(", ", lost)} changed while links were applied; the step will be retried.");
        }
    }
}
