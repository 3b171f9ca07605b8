using Ecf.Domain.Registrations;

namespace Ecf.Domain.People;

/// <summary>
/// What the decider decided: the events to append (in order, sequences assigned), the resulting person, or a refusal.
/// <see cref="Person"/> is the state after applying <see cref="Events"/> (the input state when nothing changed).
/// </summary>
public sealed record PersonDecision(RegistrationOutcome Outcome, IReadOnlyList<PersonEvent> Events, Person? Person, string? TrainingRecordId, RegistrationRefusal? Refusal = null)
{
    public bool Changed => Events.Count > 0;

    public static PersonDecision Rejected(RegistrationRule rule, string attribute, string message, Person? person) =>
        new(RegistrationOutcome.Rejected, [], person, null, new RegistrationRefusal(rule, attribute, message));
}
