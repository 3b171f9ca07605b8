using Ecf.Domain.People;
using Ecf.Domain.Registrations;

namespace Ecf.Application.Registrations;

/// <summary>A registration as the school service sent it (<see cref="RegistrationRequest"/>), who sent it and the request it belongs to.</summary>
public sealed record RegisterParticipantCommand(RegistrationRequest Request, Actor Actor, string CorrelationId);
