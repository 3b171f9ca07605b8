namespace Ecf.Domain.People;

public enum RegistrationOutcome
{
    Created,
    ParticipationAdded,
    Transferred,
    Unchanged,
    Rejected,
}
