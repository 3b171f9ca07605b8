namespace Ecf.Domain.People;

/// <summary>A mentor assigned to an ECT, [<see cref="From"/>, <see cref="To"/>). Held on the ECT's participation.</summary>
/// <param name="MentorPersonId">The mentor's person id (the v3 API's <c>mentor_id</c>).</param>
/// <param name="MentorTrainingRecordId">The mentor participation's training record id.</param>
public sealed record MentorshipPeriod(string Id, string MentorPersonId, string MentorTrainingRecordId, DateOnly From, DateOnly? To);
