namespace Ecf.Orchestrations.Gias;

/// <summary>The custom status while the import runs: phase, rows read, changed, rejected, batches done of total.</summary>
public sealed record GiasImportStatus(string Phase, int Rows, int RowsRead, int Changed, int Rejected, int BatchesDone, int Batches);
