namespace Ecf.Application.Partnerships;

/// <summary>Validation messages of the school cohort setup API's induction tutor (the choice's are <see cref="Ecf.Domain.Partnerships.PartnershipMessages"/>).</summary>
public static class SchoolCohortMessages
{
    public const int MaxNameLength = 200;

    public static string NameTooLong { get; } = $"The induction tutor name must be at most {MaxNameLength} characters.";

    public const string EmailFormat = "Enter an email address in the correct format, like name@example.com.";

    public static string Required(string field) => $"Enter the {field.Replace('_', ' ')}.";
}
