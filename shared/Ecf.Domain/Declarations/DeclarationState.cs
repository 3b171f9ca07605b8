namespace Ecf.Domain.Declarations;

/// <summary>
/// A declaration's state as the API and finance see it: its own state, with the payment states derived from its statements
/// (ADR 0012). An eligible declaration on a <c>payable</c> statement is payable, on a <c>paid</c> one paid; a declaration
/// awaiting clawback whose refund statement is paid is clawed back. Moving a statement is then one write, not one per person.
/// </summary>
public static class DeclarationState
{
    public const string StatementOpen = "open";
    public const string StatementPayable = "payable";
    public const string StatementPaid = "paid";

    /// <param name="statementStates">Statement id to <c>open|payable|paid</c>; a statement not listed is open.</param>
    public static string Effective(Declaration declaration, IReadOnlyDictionary<string, string> statementStates)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(statementStates);
        string StateOf(string? id) => id is not null && statementStates.TryGetValue(id, out var s) ? s : StatementOpen;
        return declaration.State switch
        {
            DeclarationStates.Eligible => StateOf(declaration.StatementId) switch
            {
                StatementPaid => DeclarationStates.Paid,
                StatementPayable => DeclarationStates.Payable,
                _ => DeclarationStates.Eligible,
            },
            DeclarationStates.AwaitingClawback when StateOf(declaration.ClawbackStatementId) == StatementPaid => DeclarationStates.ClawedBack,
            _ => declaration.State,
        };
    }

    /// <summary>ECF's <c>uplift_paid</c>: an induction <c>started</c> declaration with an uplift, paid (or paid and then refunded).</summary>
    public static bool UpliftPaid(Declaration declaration, string effectiveState)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return declaration.CourseIdentifier == CourseIdentifiers.EcfInduction
            && declaration.DeclarationType == ReferenceData.DeclarationType.Started
            && effectiveState is DeclarationStates.Paid or DeclarationStates.AwaitingClawback or DeclarationStates.ClawedBack
            && (declaration.PupilPremiumUplift || declaration.SparsityUplift);
    }
}
