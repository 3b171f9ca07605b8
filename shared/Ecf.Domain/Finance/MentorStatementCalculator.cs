using Ecf.Domain.Declarations;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Finance;

public sealed record MentorStatementInput(MentorContract Contract, IReadOnlyList<StatementLine> Lines, bool VatRegistered);

public sealed record MentorDeclarationTypeAmounts(
    string DeclarationType, int Additions, int Subtractions, decimal FeePerDeclaration, decimal OutputAmount, decimal ClawbackAmount);

/// <param name="Subtotal">Output fee − clawbacks.</param>
/// <param name="Total">Subtotal + VAT.</param>
public sealed record MentorStatementResult(
    string ContractVersion,
    IReadOnlyList<MentorDeclarationTypeAmounts> DeclarationTypes,
    decimal OutputFee,
    decimal Clawbacks,
    decimal Subtotal,
    decimal Vat,
    decimal Total);

/// <summary>
/// Mentor payments from the 2025 contract year (ECF's <c>Finance::ECF::Mentor::StatementCalculator</c>;
/// docs/domain.md#statement-calculations): half the payment per participant on <c>started</c>, half on <c>completed</c>; no
/// bands, no service fee, no uplift. Other declaration types and non-mentor lines pay nothing here.
/// </summary>
public static class MentorStatementCalculator
{
    public static IReadOnlyDictionary<string, decimal> FeeProportions { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [DeclarationType.Started] = 0.5m,
        [DeclarationType.Completed] = 0.5m,
    };

    public static MentorStatementResult Calculate(MentorStatementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = input.Lines.Where(l => l.CourseIdentifier == CourseIdentifiers.EcfMentor).ToList();
        var types = new[] { DeclarationType.Started, DeclarationType.Completed }.Select(type =>
        {
            var fee = FeeProportions[type] * input.Contract.PaymentPerParticipant;
            var additions = lines.Count(l => l.DeclarationType == type && l.IsBillable);
            var subtractions = lines.Count(l => l.DeclarationType == type && l.IsRefundable);
            return new MentorDeclarationTypeAmounts(type, additions, subtractions, fee, additions * fee, subtractions * fee);
        }).ToList();

        var outputFee = types.Sum(t => t.OutputAmount);
        var clawbacks = types.Sum(t => t.ClawbackAmount);
        var subtotal = outputFee - clawbacks;
        var vat = input.VatRegistered ? subtotal * EcfStatementCalculator.VatRate : 0m;
        return new MentorStatementResult(input.Contract.Version, types, outputFee, clawbacks, subtotal, vat, subtotal + vat);
    }
}
