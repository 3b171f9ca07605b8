namespace Ecf.Domain.Finance;

/// <summary>
/// One band of an ECF call-off contract (ECF's <c>ParticipantBand</c>): the participants numbered <see cref="Min"/> to
/// <see cref="Max"/> (no max: open at the top) are paid <see cref="PerParticipant"/>, split into an output share and a service
/// share by percentage (docs/domain.md#statement-calculations).
/// </summary>
public sealed record ParticipantBand(int Min, int? Max, decimal PerParticipant, decimal OutputPaymentPercentage = 60m, decimal ServiceFeePercentage = 40m)
{
    /// <summary>The participants already counted below the band: <c>max(min − 1, 0)</c>.</summary>
    public int Lower => Math.Max(Min - 1, 0);

    /// <summary>How many participants fit in the band, <c>max − max(1, min) + 1</c>; null when it is open at the top.</summary>
    public int? Capacity => Max is { } max ? max - Math.Max(1, Min) + 1 : null;

    public decimal OutputPaymentPerParticipant => PerParticipant * OutputPaymentPercentage / 100m;

    /// <summary>
    /// How many of <paramref name="count"/> participants (numbered from 1) fall in the band, as ECF's
    /// <c>number_of_participants_in_this_band</c> with no previous count.
    /// </summary>
    public int ParticipantsIn(int count) => count < Lower ? 0 : Max is { } max && count > max ? max - Lower : count - Lower;
}

/// <summary>A band with its letter (A to D by max ascending).</summary>
public sealed record LetteredBand(string Letter, ParticipantBand Band);
