using Ecf.Domain.People;

namespace Ecf.Application.Archive;

/// <summary>
/// A person archived out of a payments-frozen contract year (ADR 0014): document <c>&lt;person id&gt;</c> in the <c>archive</c>
/// container (partition <c>/personId</c>), holding why, when and by which run, and the whole person document and timeline as they
/// were removed from <c>people</c>. Written before anything is removed, so a crash part way never loses the record.
/// </summary>
public sealed record ArchivedPerson
{
    public const string DocumentKind = "archived-person";

    /// <summary>The person id (also the document id and partition key).</summary>
    public required string Id { get; init; }

    public required string PersonId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    /// <summary>Why: <see cref="Domain.Archive.FrozenYearArchive.Reason"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>The frozen contract year the person was archived from (indexed: a re-run finds what it archived).</summary>
    public required int ContractYear { get; init; }

    /// <summary>The training record ids the person held.</summary>
    public required IReadOnlyList<string> TrainingRecordIds { get; init; }

    public required DateTimeOffset ArchivedAt { get; init; }

    /// <summary>The orchestration instance that archived the person.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The person document as it was.</summary>
    public required Person Person { get; init; }

    /// <summary>Every timeline event of the person, oldest first.</summary>
    public required IReadOnlyList<PersonEvent> Timeline { get; init; }
}

/// <summary>
/// Which person a TRN last belonged to before it was archived: <c>identifiers/archived-trn:&lt;trn&gt;</c>. A registration of the TRN
/// that makes a new person links the archived participant id to it (<c>participant_id_changes</c>).
/// </summary>
public sealed record ArchivedTrn
{
    public const string DocumentKind = "archived-trn";

    public required string Id { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required string PersonId { get; init; }

    /// <summary>The archived person's own participant id changes, carried to the next person of the TRN.</summary>
    public IReadOnlyList<ParticipantIdChange> ParticipantIdChanges { get; init; } = [];

    public required DateTimeOffset ArchivedAt { get; init; }

    public static string DocumentId(string trn) => "archived-trn:" + trn;
}
