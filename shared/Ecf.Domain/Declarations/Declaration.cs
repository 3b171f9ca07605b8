using Ecf.Domain.People;

namespace Ecf.Domain.Declarations;

/// <summary>
/// A lead provider's claim for payment for a training milestone, kept on the participation it was made for, against the training
/// period it was made under (<see cref="TrainingPeriodId"/>). Everything finance reads is copied in when it is made: the
/// <see cref="ContractYear"/> that pays (the training period's, nothing else), the delivery partner and mentor at the
/// declaration date and the participation's uplifts. <see cref="History"/> records every change of <see cref="State"/>.
/// </summary>
public sealed record Declaration
{
    /// <summary>The v3 API's declaration <c>id</c> (a UUID string).</summary>
    public required string Id { get; init; }

    public required string TrainingPeriodId { get; init; }

    public required Guid LeadProviderId { get; init; }

    /// <summary><c>ecf-induction</c> or <c>ecf-mentor</c>.</summary>
    public required string CourseIdentifier { get; init; }

    /// <summary><c>started</c>, <c>retained-1..4</c>, <c>completed</c>, <c>extended-1..3</c>.</summary>
    public required string DeclarationType { get; init; }

    /// <summary>The moment the provider declares the milestone was reached, as sent (offset kept).</summary>
    public required DateTimeOffset DeclarationDate { get; init; }

    public string? EvidenceHeld { get; init; }

    /// <summary>The training period's cohort (policy year) when the declaration was made.</summary>
    public required int Cohort { get; init; }

    /// <summary>The contract year that pays: the training period's <c>ContractYear</c>.</summary>
    public required int ContractYear { get; init; }

    public Guid? DeliveryPartnerId { get; init; }

    /// <summary>ECTs: the mentor at the declaration date.</summary>
    public string? MentorPersonId { get; init; }

    public bool PupilPremiumUplift { get; init; }

    public bool SparsityUplift { get; init; }

    /// <summary><see cref="DeclarationStates"/>.</summary>
    public required string State { get; init; }

    /// <summary><see cref="DeclarationStates.DuplicateDeclaration"/> for an ineligible duplicate; otherwise null.</summary>
    public string? IneligibilityReason { get; init; }

    /// <summary>The statement its billable (or voided, or ineligible) line is on; null while submitted.</summary>
    public string? StatementId { get; init; }

    /// <summary>The statement its refund line is on, once a paid declaration is voided.</summary>
    public string? ClawbackStatementId { get; init; }

    /// <summary>When declared with an <c>Idempotency-Key</c>: the hash of the request, so a retry with another body is told apart.</summary>
    public string? RequestHash { get; init; }

    public IReadOnlyList<DeclarationStateChange> History { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The declaration date's calendar day in UTC, which the rules compare with period and milestone dates.</summary>
    public DateOnly DeclarationDay => DateOnly.FromDateTime(DeclarationDate.UtcDateTime);
}

/// <summary>One change of a declaration's state: from (null when created), to, when, why and who.</summary>
public sealed record DeclarationStateChange(string? From, string To, DateTimeOffset At, string Reason, Actor Actor);
