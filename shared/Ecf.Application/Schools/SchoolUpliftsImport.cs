using Ecf.Application.Gias;

namespace Ecf.Application.Schools;

/// <param name="Rows">Data rows read (the header excluded).</param>
/// <param name="Written">Schools whose uplifts for the year were created or changed.</param>
/// <param name="Unchanged">Schools whose stored uplifts already matched.</param>
/// <param name="UnknownUrns">Rows whose URN is not a school in the store (the file covers every school in England).</param>
/// <param name="Rejected">Rows that could not be read, with their row number (the header is row 1) and why.</param>
public sealed record SchoolUpliftsImport(int Rows, int Written, int Unchanged, int UnknownUrns, IReadOnlyList<GiasRejectedRow> Rejected);
