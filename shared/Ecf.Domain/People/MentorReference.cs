namespace Ecf.Domain.People;

/// <summary>A mentor participation: the mentor's person id and training record id.</summary>
public sealed record MentorReference(string PersonId, string TrainingRecordId);
