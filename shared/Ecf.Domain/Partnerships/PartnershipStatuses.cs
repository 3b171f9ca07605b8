namespace Ecf.Domain.Partnerships;

public static class PartnershipStatuses
{
    public const string Active = "active";
    public const string Challenged = "challenged";

    /// <summary>v3 <c>challenged_reason</c> values.</summary>
    public static IReadOnlyList<string> ChallengeReasons { get; } = ["another_provider", "not_confirmed", "do_not_recognise", "no_ects", "mistake"];
}
