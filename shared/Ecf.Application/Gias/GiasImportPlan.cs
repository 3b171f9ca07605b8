namespace Ecf.Application.Gias;

/// <summary>
/// What a prepared import will do: the raw files as saved in the file store and the extract cut into batches at record
/// boundaries, so each batch activity gets a file name and a byte range, never data.
/// </summary>
public sealed record GiasImportPlan(string ExtractFile, string LinksFile, int Rows, IReadOnlyList<GiasBatchRange> Batches, int BatchesPerGeneration);

/// <summary>A batch: the byte offset of its first row, that row's number (header = row 1) and how many rows it has.</summary>
public sealed record GiasBatchRange(long Offset, int FirstRow, int Rows)
{
    /// <summary>Rows of this batch whose URN already appeared earlier in the extract (usually none): rejected, never imported.</summary>
    public IReadOnlyList<GiasDuplicateUrn> Duplicates { get; init; } = [];
}
