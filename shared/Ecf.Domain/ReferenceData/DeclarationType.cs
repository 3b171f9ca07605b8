namespace Ecf.Domain.ReferenceData;

/// <summary>Declaration types as the lead provider API spells them (docs/domain.md#schedules).</summary>
public static class DeclarationType
{
    public const string Started = "started";
    public const string Retained1 = "retained-1";
    public const string Retained2 = "retained-2";
    public const string Retained3 = "retained-3";
    public const string Retained4 = "retained-4";
    public const string Completed = "completed";
    public const string Extended1 = "extended-1";
    public const string Extended2 = "extended-2";
    public const string Extended3 = "extended-3";

    /// <summary>The six milestones of standard, reduced and replacement ECF schedules, in order.</summary>
    public static IReadOnlyList<string> EcfCore { get; } = [Started, Retained1, Retained2, Retained3, Retained4, Completed];

    /// <summary>The nine milestones of extended ECF schedules, in order.</summary>
    public static IReadOnlyList<string> EcfExtended { get; } = [.. EcfCore, Extended1, Extended2, Extended3];

    /// <summary>Every NPQ declaration type; each NPQ schedule allows a subset.</summary>
    public static IReadOnlyList<string> Npq { get; } = [Started, Retained1, Retained2, Completed];

    public static bool IsEcf(string value) => EcfExtended.Contains(value, StringComparer.Ordinal);

    public static bool IsNpq(string value) => Npq.Contains(value, StringComparer.Ordinal);
}
