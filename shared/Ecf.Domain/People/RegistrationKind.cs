namespace Ecf.Domain.People;

/// <summary>What a registration means for the person found by its TRN.</summary>
public enum RegistrationKind
{
    /// <summary>Nobody has this TRN yet: a new person and participation.</summary>
    NewPerson,

    /// <summary>The person exists but has no participation of this type: a new participation.</summary>
    NewParticipation,

    /// <summary>The participation is already open at this school: an idempotent repeat, nothing changes.</summary>
    Repeat,

    /// <summary>The participation is at another school (or at none): a transfer to this school.</summary>
    Transfer,
}
