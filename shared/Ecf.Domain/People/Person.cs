namespace Ecf.Domain.People;

/// <summary>
/// One human: the <c>people</c> container's document (partition key <c>/personId</c>, <see cref="Id"/> = <see cref="PersonId"/>).
/// Identity once (TRN, names, date of birth, emails with sources), then everything that happens to them as a teacher:
/// ECT and mentor <see cref="Participations"/> with their periods, and the statuses stored on write. The timeline lives
/// beside it in the same partition as <see cref="PersonEvent"/> documents, written in the same atomic batch as each change.
/// Later capabilities add sibling lists here (NPQ applications, ITT trainee records, DQT/TRS checks) and declarations on
/// training periods, without reshaping what exists (ADR 0006).
/// </summary>
public sealed record Person
{
    public const string DocumentKind = "person";

    /// <summary>Document id, equal to <see cref="PersonId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The person id (a UUID string), also the partition key and the v3 API's participant <c>id</c>.</summary>
    public required string PersonId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    /// <summary>Shape version of this document, for migrations on read.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Teacher reference number (7 digits), unique across the store through the <c>trn:&lt;trn&gt;</c> reservation; null for a TRN-less person.</summary>
    public string? Trn { get; init; }

    public required string FullName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Every email address known for this person, oldest first; exactly one is current when there are any.</summary>
    public IReadOnlyList<PersonEmail> Emails { get; init; } = [];

    /// <summary>ECT and mentor participations, at most one of each type (the v3 API's <c>ecf_enrolments</c>).</summary>
    public IReadOnlyList<Participation> Participations { get; init; } = [];

    /// <summary>Participant ids merged into this one (v3 <c>participant_id_changes</c>).</summary>
    public IReadOnlyList<ParticipantIdChange> ParticipantIdChanges { get; init; } = [];

    /// <summary>Sequence of the last timeline event written; the next event gets <c>TimelineSequence + 1</c>.</summary>
    public int TimelineSequence { get; init; }

    /// <summary>
    /// The earliest day on which a stored status would change by itself (a start or end date reached), null when none:
    /// <see cref="ParticipationStatusRules.NextChangeOn(Person)"/>, kept by every write. Indexed across partitions, so the daily
    /// refresh finds the people due (<c>&lt;= today</c>) without reading everyone.
    /// </summary>
    public DateOnly? NextStatusChangeOn { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When anything in this record last changed (any change that appends a timeline event).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The contract year of the ECT participation's latest training, null when none: stored with the document (computed on
    /// write) and indexed across partitions, so archiving a frozen year finds its people without reading everyone
    /// (docs/domain.md#archiving).
    /// </summary>
    public int? LatestEctContractYear => FindParticipation(ParticipationTypes.Ect)?.LatestTrainingPeriod?.ContractYear;

    /// <summary>As <see cref="LatestEctContractYear"/>, for the mentor participation.</summary>
    public int? LatestMentorContractYear => FindParticipation(ParticipationTypes.Mentor)?.LatestTrainingPeriod?.ContractYear;

    /// <summary>
    /// Every mentor ever named on the ECT participation's mentorship periods, null when none: stored with the document, so "has
    /// this mentor ever been assigned to an ECT" is one query on the <c>people</c> container.
    /// </summary>
    public IReadOnlyList<string>? MentorPersonIds =>
        FindParticipation(ParticipationTypes.Ect)?.MentorshipPeriods is { Count: > 0 } periods
            ? [.. periods.Select(m => m.MentorPersonId).Distinct(StringComparer.Ordinal)]
            : null;

    /// <summary>The current contact email, or null.</summary>
    public PersonEmail? CurrentEmail => Emails.FirstOrDefault(e => e.Current);

    public Participation? FindParticipation(string type) => Participations.FirstOrDefault(p => string.Equals(p.Type, type, StringComparison.Ordinal));

    public Participation? FindParticipationById(string trainingRecordId) =>
        Participations.FirstOrDefault(p => string.Equals(p.TrainingRecordId, trainingRecordId, StringComparison.Ordinal));
}
