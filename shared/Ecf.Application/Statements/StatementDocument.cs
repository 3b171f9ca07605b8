using Ecf.Domain.Declarations;

namespace Ecf.Application.Statements;

/// <summary>
/// A lead provider's monthly ECF statement for one contract year, in the <c>finance</c> container (partition <c>/leadProviderId</c>),
/// created from the statement calendar on first need with an id derived from the provider and the calendar entry
/// (<see cref="OutputStatements.StatementId"/>). Its <see cref="State"/> (<c>open|payable|paid</c>) also gives the payment
/// state of the declarations on it (<see cref="DeclarationState.Effective"/>, ADR 0012).
/// </summary>
public sealed record StatementDocument
{
    public const string DocumentKind = "statement";

    public required string Id { get; init; }

    public required string LeadProviderId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    /// <summary>The contract year (the v3 API's <c>cohort</c>) the statement pays for.</summary>
    public required int ContractYear { get; init; }

    public required int Year { get; init; }

    public required int Month { get; init; }

    /// <summary>e.g. "January 2026".</summary>
    public required string Name { get; init; }

    /// <summary>The v3 API's <c>cut_off_date</c>.</summary>
    public required DateOnly DeadlineDate { get; init; }

    public required DateOnly PaymentDate { get; init; }

    /// <summary>Output payments (declarations) are paid on it; otherwise it carries service fees only.</summary>
    public required bool OutputFee { get; init; }

    public string State { get; init; } = DeclarationState.StatementOpen;

    public DateTimeOffset? MarkedAsPaidAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
