using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ecf.Domain.Text;

/// <summary>What a text field holds; each kind has its own length limit and characters (docs/domain.md#text-input).</summary>
public enum TextKind
{
    /// <summary>A person's name: at least one letter.</summary>
    Name,

    /// <summary>An email address: one local part, one <c>@</c> and a dotted domain.</summary>
    Email,

    /// <summary>Notes for people (e.g. a token's description): line breaks and tabs allowed.</summary>
    FreeText,
}

/// <summary>Why a text value is refused.</summary>
public enum TextProblem
{
    Missing,
    TooLong,

    /// <summary>A control character (NUL, escape...), an invisible formatting character or half of a surrogate pair.</summary>
    DisallowedCharacter,

    /// <summary>A name with no letter, e.g. only zero-width joiners or punctuation.</summary>
    NoLetter,

    NotAnEmailAddress,
}

/// <summary>Why a date of birth is not plausible for a teacher.</summary>
public enum DateOfBirthProblem
{
    InFuture,
    TooYoung,
    TooOld,
}

/// <summary>The trimmed value when acceptable, otherwise the problem.</summary>
public sealed record TextCheck(string? Value, TextProblem? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// The one rule set for text that the write routes store (docs/domain.md#text-input): trimmed, not empty, at most
/// <see cref="MaxLength"/> characters, no control characters (tabs and line breaks only in free text), no formatting characters
/// other than the zero-width (non-)joiners that some scripts need in names, and no lone surrogates; names need a letter and
/// emails the usual shape. Dates of birth make the teacher <see cref="MinimumAge"/> to <see cref="MaximumAge"/> years old.
/// </summary>
public static partial class TextRules
{
    public const int MaxNameLength = 200;

    /// <summary>The longest address SMTP can deliver to (RFC 5321 path limit less its angle brackets).</summary>
    public const int MaxEmailLength = 254;

    public const int MaxFreeTextLength = 1000;

    public const int MinimumAge = 16;

    public const int MaximumAge = 100;

    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    public static int MaxLength(TextKind kind) => kind switch
    {
        TextKind.Name => MaxNameLength,
        TextKind.Email => MaxEmailLength,
        _ => MaxFreeTextLength,
    };

    /// <summary>Checks <paramref name="value"/> as a <paramref name="kind"/>; the first problem found, in the order of <see cref="TextProblem"/>.</summary>
    public static TextCheck Check(string? value, TextKind kind)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new(null, TextProblem.Missing);
        }

        if (trimmed.Length > MaxLength(kind))
        {
            return new(null, TextProblem.TooLong);
        }

        if (!HasOnlyAllowedCharacters(trimmed, kind))
        {
            return new(null, TextProblem.DisallowedCharacter);
        }

        if (kind == TextKind.Name && !trimmed.EnumerateRunes().Any(Rune.IsLetter))
        {
            return new(null, TextProblem.NoLetter);
        }

        if (kind == TextKind.Email && !EmailShape().IsMatch(trimmed))
        {
            return new(null, TextProblem.NotAnEmailAddress);
        }

        return new(trimmed, null);
    }

    /// <summary>Null when someone born on <paramref name="dateOfBirth"/> is 16 to 100 years old on <paramref name="on"/>.</summary>
    public static DateOfBirthProblem? CheckDateOfBirth(DateOnly dateOfBirth, DateOnly on)
    {
        if (dateOfBirth > on)
        {
            return DateOfBirthProblem.InFuture;
        }

        var age = on.Year - dateOfBirth.Year;
        if (on < dateOfBirth.AddYears(age))
        {
            age--;
        }

        return age switch
        {
            < MinimumAge => DateOfBirthProblem.TooYoung,
            > MaximumAge => DateOfBirthProblem.TooOld,
            _ => null,
        };
    }

    private static bool HasOnlyAllowedCharacters(string text, TextKind kind)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done || !IsAllowed(rune, kind))
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    private static bool IsAllowed(Rune rune, TextKind kind) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => kind == TextKind.FreeText && rune.Value is '\t' or '\n' or '\r',
        UnicodeCategory.Format => kind != TextKind.Email && rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner,
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate => false,
        _ => true,
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
