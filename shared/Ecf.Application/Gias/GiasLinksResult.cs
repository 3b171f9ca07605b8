namespace Ecf.Application.Gias;

/// <summary>
/// What applying the links did. <see cref="Rejected"/> lists unreadable link rows and refused links (<see cref="Refused"/>:
/// links that would retire a school with registrations or partnerships; they need review).
/// </summary>
public sealed record GiasLinksResult(int SuccessorLinks, int Academised, int Merged, int AlreadyApplied, int NotApplicable, int Refused, int Written, IReadOnlyList<GiasRejectedRow> Rejected);
