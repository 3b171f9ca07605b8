using Ecf.Domain.Schools;

namespace Ecf.Application.Gias;

/// <summary>One data row: its facts, or why it was rejected.</summary>
public sealed record GiasRow(int RowNumber, GiasFacts? Facts, GiasRejectedRow? Rejection);
