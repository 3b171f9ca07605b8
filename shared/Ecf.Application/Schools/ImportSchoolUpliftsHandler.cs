using System.Globalization;
using System.Text;
using Ecf.Application.Errors;
using Ecf.Application.Gias;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.Schools;
using Ecf.Storage;

namespace Ecf.Application.Schools;

/// <summary>
/// Imports the yearly pupil premium and sparsity file (<c>URN,Pupil Premium Incentive,Sparsity Incentive</c>, flags 0 or 1) as
/// <see cref="SchoolUplifts"/> of a cohort. A file without those columns fails before any write, naming the missing ones; a bad
/// row is rejected with its number and reason and the rest goes on. Rows are looked up in batches (a URN taken over at
/// academisation finds the continuing school, where the row of the school's current URN wins) and only changed documents are
/// written, so importing the same file again writes nothing.
/// </summary>
public sealed class ImportSchoolUpliftsHandler(IDocumentStore store, SchoolDocuments schools, IReferenceData referenceData, TimeProvider clock)
{
    public const string UrnColumn = "URN";
    public const string PupilPremiumColumn = "Pupil Premium Incentive";
    public const string SparsityColumn = "Sparsity Incentive";

    private const int BatchSize = 1000;
    private const int Parallelism = 8;

    private IDocumentContainer Container => store.GetContainer(EcfContainers.Schools);

    public async Task<Result<SchoolUpliftsImport>> HandleAsync(int year, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.GetContractPeriod(year) is null)
        {
            return ApiError.UpliftsYearUnknown(year);
        }

        using var reader = new CsvRecordReader(csv);
        if (!reader.Read())
        {
            return ApiError.UpliftsFileEmpty();
        }

        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.FieldString(i).TrimStart('\uFEFF', 'ï', '»', '¿')).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (urnAt, premiumAt, sparsityAt) = (Column(UrnColumn), Column(PupilPremiumColumn), Column(SparsityColumn));
        var missing = new[] { (UrnColumn, urnAt), (PupilPremiumColumn, premiumAt), (SparsityColumn, sparsityAt) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            return ApiError.UpliftsColumnsMissing(missing);
        }

        var rejected = new List<GiasRejectedRow>();
        var seen = new Dictionary<int, int>();
        var batch = new List<Row>(BatchSize);
        int rows = 0, written = 0, unchanged = 0, unknown = 0;
        var row = 1;
        while (reader.Read())
        {
            row++;
            rows++;
            var urnText = Text(reader, urnAt);
            if (urnText is null || !int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || urn <= 0)
            {
                rejected.Add(new GiasRejectedRow(row, urnText, "The URN is not a positive whole number."));
                continue;
            }

            if (seen.TryGetValue(urn, out var first))
            {
                rejected.Add(new GiasRejectedRow(row, urnText, $"Duplicate URN {urn}, first seen at row {first}."));
                continue;
            }

            var premium = Flag(Text(reader, premiumAt));
            var sparsity = Flag(Text(reader, sparsityAt));
            if (premium is null || sparsity is null)
            {
                rejected.Add(new GiasRejectedRow(row, urnText, $"'{PupilPremiumColumn}' and '{SparsityColumn}' must each be 0 or 1."));
                continue;
            }

            seen[urn] = row;
            batch.Add(new Row(urn, premium.Value, sparsity.Value));
            if (batch.Count == BatchSize)
            {
                var outcome = await ApplyAsync(year, batch, cancellationToken).ConfigureAwait(false);
                (written, unchanged, unknown) = (written + outcome.Written, unchanged + outcome.Unchanged, unknown + outcome.Unknown);
                batch.Clear();
            }
        }

        var last = await ApplyAsync(year, batch, cancellationToken).ConfigureAwait(false);
        return new SchoolUpliftsImport(rows, written + last.Written, unchanged + last.Unchanged, unknown + last.Unknown, rejected);
    }

    private async Task<(int Written, int Unchanged, int Unknown)> ApplyAsync(int year, IReadOnlyList<Row> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return (0, 0, 0);
        }

        var found = await schools.FindByUrnsAsync([.. batch.Select(r => r.Urn)], Parallelism, cancellationToken).ConfigureAwait(false);
        var unknown = batch.Count(r => found[r.Urn] is null);

        // One row per school: the row of its current URN, else the first row that reached it.
        var bySchool = batch
            .Where(r => found[r.Urn] is not null)
            .GroupBy(r => found[r.Urn]!.School.SchoolId, StringComparer.Ordinal)
            .Select(g => (SchoolId: g.Key, Row: g.FirstOrDefault(r => r.Urn == found[r.Urn]!.School.Urn) ?? g.First()))
            .ToList();
        var id = SchoolUplifts.DocumentId(year);
        var stored = new System.Collections.Concurrent.ConcurrentDictionary<string, SchoolUplifts?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(bySchool, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (s, ct) =>
            stored[s.SchoolId] = await Container.ReadAsync<SchoolUplifts>(s.SchoolId, id, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var writes = bySchool
            .Where(s => stored[s.SchoolId] is not { } current || current.Urn != s.Row.Urn || current.PupilPremium != s.Row.PupilPremium || current.Sparsity != s.Row.Sparsity)
            .Select(s => DocumentOperation.Upsert(s.SchoolId, id, DocumentJson.Serialize(new SchoolUplifts
            {
                Id = id,
                SchoolId = s.SchoolId,
                Year = year,
                Urn = s.Row.Urn,
                PupilPremium = s.Row.PupilPremium,
                Sparsity = s.Row.Sparsity,
                UpdatedAt = now,
            })))
            .ToList();
        if (writes.Count > 0)
        {
            var results = await Container.BulkWriteAsync(writes, cancellationToken).ConfigureAwait(false);
            if (results.FirstOrDefault(r => r.Error is not null) is { } failed)
            {
                throw new DocumentStoreException(failed.Error!.Value, "An uplift write failed.");
            }
        }

        return (writes.Count, bySchool.Count - writes.Count, unknown);
    }

    private static string? Text(CsvRecordReader reader, int index)
    {
        var bytes = reader.Field(index);
        return bytes.IsEmpty ? null : Encoding.ASCII.GetString(bytes).Trim();
    }

    private static bool? Flag(string? text) => text switch
    {
        "1" => true,
        "0" => false,
        _ => null,
    };

    private sealed record Row(int Urn, bool PupilPremium, bool Sparsity);
}
