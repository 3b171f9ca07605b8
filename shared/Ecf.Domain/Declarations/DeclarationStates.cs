namespace Ecf.Domain.Declarations;

/// <summary>
/// The states of a declaration, as ECF stores them (docs/domain.md#declaration-states). The API shows them dasherized
/// (<see cref="ApiName"/>). A declaration's own state moves on its own events; <see cref="Payable"/>, <see cref="Paid"/> and
/// <see cref="ClawedBack"/> are reached when its statement moves (ADR 0012).
/// </summary>
public static class DeclarationStates
{
    public const string Submitted = "submitted";
    public const string Eligible = "eligible";
    public const string Payable = "payable";
    public const string Paid = "paid";
    public const string Voided = "voided";
    public const string Ineligible = "ineligible";
    public const string AwaitingClawback = "awaiting_clawback";
    public const string ClawedBack = "clawed_back";

    /// <summary>The reason of an <see cref="Ineligible"/> declaration: another declaration already holds its billable slot.</summary>
    public const string DuplicateDeclaration = "duplicate_declaration";

    /// <summary>Counted on a statement as output (additions).</summary>
    public static bool IsBillable(string state) => state is Eligible or Payable or Paid;

    /// <summary>Still changeable by eligibility (submitted or eligible).</summary>
    public static bool IsChangeable(string state) => state is Submitted or Eligible;

    /// <summary>Holds the billable slot of its type: a second declaration of the type is refused.</summary>
    public static bool HoldsSlot(string state) => state is Submitted or Eligible or Payable or Paid;

    /// <summary>A lead provider may void it straight away (no clawback).</summary>
    public static bool IsVoidable(string state) => state is Submitted or Eligible or Payable or Ineligible;

    /// <summary>Counted on a statement as a refund (subtractions).</summary>
    public static bool IsRefundable(string state) => state is AwaitingClawback or ClawedBack;

    /// <summary>The state as the v3 API spells it: <c>awaiting-clawback</c>, <c>clawed-back</c>.</summary>
    public static string ApiName(string state) => state.Replace('_', '-');
}
