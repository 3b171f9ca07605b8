namespace Ecf.Domain.Finance;

/// <summary>One band's share of one declaration type on a statement.</summary>
/// <param name="PreviousCount">Filled by the earlier statements of the provider and contract year.</param>
/// <param name="Additions">This statement's billable lines paid in the band.</param>
/// <param name="Subtractions">This statement's refundable lines clawed back from the band.</param>
public sealed record BandFill(string Band, int PreviousCount, int Additions, int Subtractions);

/// <summary>
/// Banding across statements, per declaration type, as ECF's <c>Finance::ECF::BandingCalculator</c>
/// (docs/domain.md#statement-calculations): the previous fill fills the bands from A up; this statement's billable lines
/// fill what is left from A up; its refundable lines come off this statement's additions from the top band down, and any
/// left over off the previous fill, from the top band down. Billable lines beyond a closed top band are not paid.
/// </summary>
public static class BandingCalculator
{
    public static IReadOnlyList<BandFill> Calculate(IReadOnlyList<LetteredBand> bands, int previousFill, int billable, int refundable)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentOutOfRangeException.ThrowIfNegative(billable);
        ArgumentOutOfRangeException.ThrowIfNegative(refundable);
        var n = bands.Count;
        var previous = new int[n];
        var additions = new int[n];
        var subtractions = new int[n];

        var pot = Math.Max(previousFill, 0);
        for (var i = 0; i < n; i++)
        {
            previous[i] = Take(ref pot, bands[i].Band.Capacity);
        }

        pot = billable;
        for (var i = 0; i < n; i++)
        {
            additions[i] = Take(ref pot, bands[i].Band.Capacity - previous[i]);
        }

        pot = refundable;
        for (var i = n - 1; i >= 0; i--)
        {
            subtractions[i] = Take(ref pot, additions[i]);
        }

        for (var i = n - 1; i >= 0 && pot > 0; i--)
        {
            subtractions[i] += Take(ref pot, previous[i]);
        }

        return [.. bands.Select((b, i) => new BandFill(b.Letter, previous[i], additions[i], subtractions[i]))];
    }

    /// <summary>Takes up to <paramref name="room"/> (null: no limit) from the pot.</summary>
    private static int Take(ref int pot, int? room)
    {
        var taken = room is { } r ? Math.Min(pot, Math.Max(r, 0)) : pot;
        pot -= taken;
        return taken;
    }
}
