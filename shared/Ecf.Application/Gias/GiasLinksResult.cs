namespace Ecf.Application.Gias;

/// <summary>What applying the links did.</summary>
public sealed record GiasLinksResult(int SuccessorLinks, int Academised, int Merged, int AlreadyApplied, int NotApplicable, int Written, IReadOnlyList<GiasRejectedRow> Rejected);
