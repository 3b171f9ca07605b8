namespace Ecf.Domain.Schools;

/// <summary>
/// One entry of a school's timeline: what happened (past tense), when, who or what caused it, why, and the run that wrote it.
/// Written in the same document write as the change it records.
/// </summary>
/// <param name="Id">Deterministic: the correlation id and a sequence, so a retried write produces the same event.</param>
/// <param name="Type">One of <see cref="SchoolEventTypes"/>.</param>
/// <param name="Changes">For detail changes: field name → new value.</param>
public sealed record SchoolEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string Source,
    string CorrelationId,
    string? Reason = null,
    IReadOnlyDictionary<string, string?>? Changes = null,
    int? Urn = null,
    string? OtherSchoolId = null);
