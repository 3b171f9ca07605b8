namespace Ecf.Application.Gias;

/// <summary>What one batch did. <see cref="Written"/> counts school documents written (listing rows not counted).</summary>
public sealed record GiasBatchResult(int Read, int Created, int Updated, int Unchanged, int Written, int RejectedCount, IReadOnlyList<GiasRejectedRow> Rejected);
