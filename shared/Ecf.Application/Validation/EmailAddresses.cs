using System.Text.RegularExpressions;

namespace Ecf.Application.Validation;

/// <summary>The one email address check of the APIs that take an address (registrations, school cohort setup).</summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>A trimmed address of one local part, one <c>@</c> and a dotted domain, at most 254 characters.</summary>
    public static bool IsValid(string email) => email.Length <= MaxLength && Shape().IsMatch(email);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
