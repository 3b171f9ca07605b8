using System.Globalization;

namespace Ecf.Domain.Registrations;

/// <summary>The registration API's messages, one per refusal; text field messages are <see cref="Text.TextMessages"/>.</summary>
public static class RegistrationMessages
{
    public const string TrnFormat = "The TRN must be 7 digits.";
    public const string UnknownSchool = "No school has this URN.";
    public const string SchoolNotEligible = "The school is not eligible for funded induction training.";
    public const string DateFormat = "Enter a date as YYYY-MM-DD.";
    public const string TrainingProgramme = "The training programme must be provider_led or school_led.";
    public const string UnknownLeadProvider = "No lead provider delivering ECF training has this id.";
    public const string UnknownDeliveryPartner = "No delivery partner has this id.";
    public const string UnknownMentor = "No mentor with this id is registered at this school.";
    public const string NoCohort = "No cohort is open for this induction start date.";
    public const string NotForSchoolLed = "Leave this empty for school-led training.";
    public const string DeliveryPartnerNeedsLeadProvider = "Give the lead provider this delivery partner works with.";

    public const string DateOfBirthDiffers =
        "A teacher with this TRN is already registered with another date of birth, so nothing was changed. Check the TRN and the date of birth; if the recorded date of birth is wrong, ask the DfE to correct the teacher's record before registering again.";

    public static string LeadProviderNotContracted(int year) => $"This lead provider has no ECF contract for {year}.";

    public static string NoRelationship(int year) => $"This delivery partner does not work with this lead provider in {year}.";

    public static string NoDefaultPartnership(int year) => $"The school has no partnership for {year}; give the lead provider.";

    public static string InductionStartDateDiffers(DateOnly recorded) =>
        $"This ECT is already registered at this school with induction starting on {recorded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, so nothing was changed. Registering again cannot change the induction start date; ask the DfE to correct it.";

    public static string TrainingDiffers(IEnumerable<string> attributes) =>
        $"This participant is already registered at this school with a different {string.Join(", ", attributes)}, so nothing was changed. Registering again cannot change their training; ask the DfE to change it, or register them at their new school when they move.";
}
