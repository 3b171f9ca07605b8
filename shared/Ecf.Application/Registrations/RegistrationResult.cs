using Ecf.Domain.People;

namespace Ecf.Application.Registrations;

/// <summary>The registered participant and where they were placed.</summary>
/// <param name="Outcome">Created, participation added, transferred, updated (a repeat with a new name or email) or unchanged (an identical repeat).</param>
public sealed record RegistrationResult(
    string ParticipantId,
    string TrainingRecordId,
    string ParticipationType,
    RegistrationOutcome Outcome,
    string SchoolId,
    int SchoolUrn,
    TrainingPeriod TrainingPeriod,
    string? MentorId);
