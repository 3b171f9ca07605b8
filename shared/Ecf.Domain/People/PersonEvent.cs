using System.Globalization;

namespace Ecf.Domain.People;

/// <summary>
/// One entry of a person's timeline, stored as its own document in the person's partition (<c>people</c>, <c>/personId</c>)
/// and written in the same atomic batch as the person document it explains. Answers "why is this record in this state":
/// what happened (<see cref="Type"/>, <see cref="Data"/>, <see cref="Changes"/>), when it happened and when it was recorded,
/// who did it, why, and the request that did it.
/// </summary>
public sealed record PersonEvent
{
    public const string DocumentKind = "person-event";

    /// <summary><c>&lt;personId&gt;:event:&lt;sequence, 8 digits&gt;</c>: a second writer of the same sequence gets a conflict.</summary>
    public required string Id { get; init; }

    public required string PersonId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    /// <summary>1, 2, 3, ... per person: the timeline's order.</summary>
    public required int Sequence { get; init; }

    /// <summary>Past tense, snake case, e.g. <c>person_created</c>, <c>school_period_started</c> (<see cref="PersonEventTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>When it happened in the world (e.g. the first day at the new school).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the service recorded it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public required Actor Actor { get; init; }

    public string? Reason { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The participation concerned, when there is one.</summary>
    public string? TrainingRecordId { get; init; }

    /// <summary>What changed, field by field (paths relative to the person document).</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>The typed event the decider produced; <see cref="PersonDecider.Evolve"/> applies it.</summary>
    public required PersonEventData Data { get; init; }

    public static string DocumentId(string personId, int sequence) =>
        $"{personId}:event:{sequence.ToString("D8", CultureInfo.InvariantCulture)}";
}
