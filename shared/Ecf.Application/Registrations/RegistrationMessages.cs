namespace Ecf.Application.Registrations;

/// <summary>The registration API's validation messages, one per field problem.</summary>
public static class RegistrationMessages
{
    public const string TrnFormat = "The TRN must be 7 digits.";
    public const string UnknownSchool = "No school has this URN.";
    public const string SchoolNotEligible = "The school is not eligible for funded induction training.";
    public const string DateFormat = "Enter a date as YYYY-MM-DD.";
    public const string DateOfBirthInFuture = "The date of birth must be in the past.";
    public const string EmailFormat = "Enter an email address in the correct format, like name@example.com.";
    public const string TrainingProgramme = "The training programme must be provider_led or school_led.";
    public const string UnknownLeadProvider = "No lead provider delivering ECF training has this id.";
    public const string UnknownDeliveryPartner = "No delivery partner has this id.";
    public const string UnknownMentor = "No mentor with this id is registered at this school.";
    public const string NoCohort = "No cohort is open for this induction start date.";
    public const string NotForSchoolLed = "Leave this empty for school-led training.";
    public const string DeliveryPartnerNeedsLeadProvider = "Give the lead provider this delivery partner works with.";

    public static string Required(string field) => $"Enter the {field.Replace('_', ' ')}.";

    public static string LeadProviderNotContracted(int year) => $"This lead provider has no ECF contract for {year}.";

    public static string NoRelationship(int year) => $"This delivery partner does not work with this lead provider in {year}.";

    public static string NoDefaultPartnership(int year) => $"The school has no partnership for {year}; give the lead provider.";
}
