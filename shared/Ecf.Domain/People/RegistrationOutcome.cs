namespace Ecf.Domain.People;

public enum RegistrationOutcome
{
    Created,
    ParticipationAdded,
    Transferred,

    /// <summary>A repeat at the same school with a new name or email: applied, each with its timeline event.</summary>
    Updated,

    /// <summary>An identical repeat: nothing written.</summary>
    Unchanged,

    Rejected,
}
