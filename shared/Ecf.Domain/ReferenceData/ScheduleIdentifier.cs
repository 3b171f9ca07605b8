using System.Diagnostics.CodeAnalysis;

namespace Ecf.Domain.ReferenceData;

/// <summary>An ECF schedule identifier, <c>ecf-{standard|reduced|extended|replacement}-{september|january|april}</c>.</summary>
public readonly record struct ScheduleIdentifier(ScheduleType Type, ScheduleMonth Month)
{
    private const string Prefix = "ecf-";

    /// <summary>The default schedule on registration.</summary>
    public static ScheduleIdentifier Default => new(ScheduleType.Standard, ScheduleMonth.September);

    /// <summary>All twelve identifiers, standard first.</summary>
    public static IReadOnlyList<ScheduleIdentifier> All { get; } =
        [.. Enum.GetValues<ScheduleType>().SelectMany(t => Enum.GetValues<ScheduleMonth>().Select(m => new ScheduleIdentifier(t, m)))];

    public static bool TryParse([NotNullWhen(true)] string? value, out ScheduleIdentifier identifier)
    {
        identifier = default;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value[Prefix.Length..].Split('-');
        if (parts.Length != 2 || !TryParseLower(parts[0], out ScheduleType type) || !TryParseLower(parts[1], out ScheduleMonth month))
        {
            return false;
        }

        identifier = new ScheduleIdentifier(type, month);
        return true;
    }

    public static ScheduleIdentifier Parse(string value) =>
        TryParse(value, out var identifier) ? identifier : throw new FormatException($"'{value}' is not an ECF schedule identifier.");

    /// <summary>The milestone declaration types of this kind of schedule (nine for extended, six otherwise).</summary>
    public IReadOnlyList<string> DeclarationTypes => Type == ScheduleType.Extended ? DeclarationType.EcfExtended : DeclarationType.EcfCore;

    public override string ToString() => $"{Prefix}{Lower(Type)}-{Lower(Month)}";

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static bool TryParseLower<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Lower(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
