namespace Ecf.Domain.People;

/// <summary>A participant id merged into this person (v3 <c>participant_id_changes</c>).</summary>
public sealed record ParticipantIdChange(string FromParticipantId, string ToParticipantId, DateTimeOffset ChangedAt);
