namespace Ecf.Domain.Registrations;

/// <summary>Why a registration was refused: the rule, the request attribute it concerns and the message the school is shown (docs/domain.md#registration).</summary>
public sealed record RegistrationRefusal(RegistrationRule Rule, string Attribute, string Message);
