namespace Ecf.Application.Gias;

/// <summary>A row that was not imported: its row number in the file (the header is row 1), its URN as written, and why.</summary>
public sealed record GiasRejectedRow(int Row, string? Urn, string Reason);
