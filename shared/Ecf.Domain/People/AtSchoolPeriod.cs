namespace Ecf.Domain.People;

/// <summary>A time at one school, [<see cref="From"/>, <see cref="To"/>). Points at the school's stable id, never at a URN.</summary>
/// <param name="Id">Deterministic within the participation: <c>&lt;trainingRecordId&gt;:school:&lt;n&gt;</c>.</param>
/// <param name="SchoolUrn">The school's URN when the period was written, for display; <paramref name="SchoolId"/> is the reference.</param>
public sealed record AtSchoolPeriod(string Id, string SchoolId, int SchoolUrn, DateOnly From, DateOnly? To);
