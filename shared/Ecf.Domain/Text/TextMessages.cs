namespace Ecf.Domain.Text;

/// <summary>The messages of <see cref="TextRules"/>, naming the request attribute (e.g. <c>full_name</c> reads "full name").</summary>
public static class TextMessages
{
    public const string EmailFormat = "Enter an email address in the correct format, like name@example.com.";

    public static string Required(string attribute) => $"Enter the {Readable(attribute)}.";

    public static string For(TextProblem problem, string attribute, TextKind kind) => problem switch
    {
        TextProblem.Missing => Required(attribute),
        TextProblem.TooLong => $"The {Readable(attribute)} must be at most {TextRules.MaxLength(kind)} characters.",
        TextProblem.DisallowedCharacter => $"The {Readable(attribute)} must not contain control characters or invisible formatting characters.",
        TextProblem.NoLetter => $"The {Readable(attribute)} must contain at least one letter.",
        _ => EmailFormat,
    };

    public static string For(DateOfBirthProblem problem) => problem switch
    {
        DateOfBirthProblem.InFuture => "The date of birth must be in the past.",
        DateOfBirthProblem.TooYoung => $"The date of birth must make the teacher at least {TextRules.MinimumAge} years old on the registration date.",
        _ => $"The date of birth must make the teacher at most {TextRules.MaximumAge} years old on the registration date.",
    };

    private static string Readable(string attribute) => attribute.Replace('_', ' ');
}
