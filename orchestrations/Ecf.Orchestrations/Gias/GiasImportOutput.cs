using Ecf.Application.Gias;

namespace Ecf.Orchestrations.Gias;

/// <summary>The import's output: the files it read, the counts, the rejected rows and what the links did.</summary>
public sealed record GiasImportOutput(
    string ExtractFile,
    string LinksFile,
    int Rows,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    int Written,
    int RejectedCount,
    IReadOnlyList<GiasRejectedRow> Rejected,
    GiasLinksResult Links);
