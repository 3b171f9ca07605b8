using Ecf.Application.Schools;
using Ecf.Domain.Schools;
using Ecf.Storage.Files;
using Microsoft.Extensions.Options;

namespace Ecf.Application.Gias;

/// <param name="ExtractFile">The extract's name in the file store (from the plan).</param>
/// <param name="Batch">Where the batch starts and how many rows it has.</param>
/// <param name="CorrelationId">The run (orchestration instance id): timeline events carry it and derive their ids from it.</param>
/// <param name="At">The run's time, written as the change time.</param>
public sealed record ImportGiasBatchCommand(string ExtractFile, GiasBatchRange Batch, string CorrelationId, DateTimeOffset At);

/// <summary>
/// Imports one batch of rows: parse, find each URN's school (parallel point reads), decide with <see cref="SchoolDecider"/>, and
/// write only what changed in two bulk writes (listing rows, then schools with If-Match). Idempotent: running it again finds
/// every school's hash equal and writes nothing; a write that lost a race is decided again from a fresh read.
/// </summary>
public sealed class ImportGiasBatchHandler(IFileStore files, SchoolDocuments schools, IOptions<GiasImportOptions> options)
{
    /// <summary>At most this many rejected rows are listed per batch (all are counted).</summary>
    public const int MaxListedRejections = 200;
    private const int MaxAttempts = 3;
    public const string Source = "gias-import";

    public async Task<GiasBatchResult> HandleAsync(ImportGiasBatchCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<GiasFacts>(command.Batch.Rows);
        var rejected = new List<GiasRejectedRow>();
        var rejectedCount = 0;
        var duplicates = command.Batch.Duplicates.Count == 0 ? null : command.Batch.Duplicates.ToDictionary(d => d.Row);
        await using (var stream = await files.OpenReadAsync(command.ExtractFile, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"The extract {command.ExtractFile} is not in the file store."))
        {
            using var reader = GiasExtractReader.OpenAt(stream, command.Batch.Offset, command.Batch.FirstRow);
            for (var i = 0; i < command.Batch.Rows && reader.ReadRow() is { } row; i++)
            {
                var rejection = row.Rejection;
                if (rejection is null && duplicates is not null && duplicates.TryGetValue(row.RowNumber, out var duplicate))
                {
                    rejection = new GiasRejectedRow(row.RowNumber, duplicate.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), duplicate.Reason());
                }

                if (rejection is not null)
                {
                    rejectedCount++;
                    if (rejected.Count < MaxListedRejections)
                    {
                        rejected.Add(rejection);
                    }

                    continue;
                }

                rows.Add(row.Facts!);
            }
        }

        var context = new SchoolChangeContext(command.At, Source, command.CorrelationId);
        int created = 0, updated = 0, unchanged = 0, written = 0;
        var pending = rows;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var found = await schools.FindByUrnsAsync(pending.Select(r => r.Urn).ToList(), options.Value.ReadParallelism, cancellationToken).ConfigureAwait(false);
            var changes = new List<(School School, string? ETag)>();
            var changedFacts = new Dictionary<string, GiasFacts>(StringComparer.Ordinal);
            foreach (var facts in pending)
            {
                var stored = found[facts.Urn];
                var decision = SchoolDecider.ApplyFacts(stored?.School, facts, context);
                switch (decision.Outcome)
                {
                    case GiasFactsOutcome.Created:
                    case GiasFactsOutcome.Updated:
                        if (changedFacts.TryAdd(decision.School!.SchoolId, facts))
                        {
                            changes.Add((decision.School, stored?.ETag));
                        }

                        break;
                    default:
                        unchanged++;
                        break;
                }
            }

            var lost = await schools.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            var lostSet = lost.ToHashSet(StringComparer.Ordinal);
            foreach (var (school, etag) in changes.Where(c => !lostSet.Contains(c.School.SchoolId)))
            {
                written++;
                if (etag is null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }
            }

            if (lost.Count > 0 && attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Schools {string.Join(", ", lost)} kept changing during the import; the batch will be retried.");
            }

            pending = lost.Select(id => changedFacts[id]).ToList();
        }

        return new GiasBatchResult(rows.Count + rejectedCount, created, updated, unchanged, written, rejectedCount, rejected);
    }
}
