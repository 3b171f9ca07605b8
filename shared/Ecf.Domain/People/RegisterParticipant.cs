namespace Ecf.Domain.People;

/// <summary>
/// A school registers an ECT or a mentor. The handler has already validated the input, reserved the TRN and worked out the
/// placement (<see cref="Placement"/>) for the situation <see cref="PersonDecider.Classify"/> found.
/// </summary>
/// <param name="PersonId">The person id to use when the person is new (the TRN reservation's person id).</param>
/// <param name="TrainingRecordId">The training record id to use when the participation is new.</param>
/// <param name="StartsOn">First day at the school and of the training period.</param>
/// <param name="InductionStartDate">ECTs: when statutory induction starts.</param>
/// <param name="Mentor">ECTs: the mentor assigned, or null.</param>
/// <param name="PupilPremiumUplift">The school's pupil premium uplift for the placement's cohort (kept by a new participation).</param>
/// <param name="SparsityUplift">The school's sparsity uplift for the placement's cohort (kept by a new participation).</param>
/// <param name="Requested">The training the school asked for, compared with the training of a repeat (null: nothing compared).</param>
public sealed record RegisterParticipant(
    string PersonId,
    string TrainingRecordId,
    string? Trn,
    string FullName,
    DateOnly? DateOfBirth,
    string Email,
    string ParticipationType,
    string SchoolId,
    int SchoolUrn,
    DateOnly StartsOn,
    DateOnly? InductionStartDate,
    TrainingPlacement Placement,
    MentorReference? Mentor,
    bool PupilPremiumUplift = false,
    bool SparsityUplift = false,
    RequestedTraining? Requested = null);

/// <summary>The training a registration asks for: the programme, and the lead provider and delivery partner when given.</summary>
public sealed record RequestedTraining(string TrainingProgramme, Guid? LeadProviderId, Guid? DeliveryPartnerId);
