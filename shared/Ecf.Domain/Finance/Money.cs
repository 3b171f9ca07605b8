namespace Ecf.Domain.Finance;

/// <summary>
/// Amounts are <see cref="decimal"/> and kept unrounded through every calculation (docs/domain.md#statement-calculations);
/// only a display rounds, to the penny, halves away from zero.
/// </summary>
public static class Money
{
    public static decimal ToPence(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
