using Ecf.Domain.People;

namespace Ecf.Application.Registrations;

/// <summary>
/// A registration as the school service sent it (strings, so every field problem can be reported on its own field).
/// <paramref name="ParticipationType"/> is <see cref="ParticipationTypes.Ect"/> or <see cref="ParticipationTypes.Mentor"/>.
/// </summary>
public sealed record RegisterParticipantCommand(
    string ParticipationType,
    string? Trn,
    string? FullName,
    string? DateOfBirth,
    string? Email,
    string? SchoolUrn,
    string? InductionStartDate,
    string? TrainingProgramme,
    string? LeadProviderId,
    string? DeliveryPartnerId,
    string? MentorId,
    Actor Actor,
    string CorrelationId);
