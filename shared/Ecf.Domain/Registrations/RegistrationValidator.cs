using System.Globalization;
using System.Text.RegularExpressions;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;
using Ecf.Domain.Text;

namespace Ecf.Domain.Registrations;

/// <summary>
/// A registration as the school service sent it (strings, so every field problem is reported on its own field).
/// <paramref name="ParticipationType"/> is <see cref="ParticipationTypes.Ect"/> or <see cref="ParticipationTypes.Mentor"/>; a mentor's
/// induction start date and mentor id are ignored.
/// </summary>
public sealed record RegistrationRequest(
    string ParticipationType,
    string? Trn,
    string? FullName,
    string? DateOfBirth,
    string? Email,
    string? SchoolUrn,
    string? InductionStartDate,
    string? TrainingProgramme,
    string? LeadProviderId,
    string? DeliveryPartnerId,
    string? MentorId);

/// <summary>
/// What a registration is checked against, read by the caller: the time of the request, the school its URN names (null when the
/// URN is malformed or unknown), the contract periods, the lead providers and delivery partners, and the person its
/// <c>mentor_id</c> names (null when none or unknown).
/// </summary>
public sealed record RegistrationFacts(
    DateTimeOffset Now,
    School? School,
    IReadOnlyList<ContractPeriod> ContractPeriods,
    IReadOnlyCollection<LeadProvider> LeadProviders,
    IReadOnlyCollection<DeliveryPartner> DeliveryPartners,
    Person? Mentor);

/// <summary>A registration whose fields are all acceptable, trimmed and resolved, with the cohort a new registration goes in.</summary>
public sealed record ValidRegistration(
    string ParticipationType,
    string Trn,
    string FullName,
    DateOnly DateOfBirth,
    string Email,
    School School,
    DateOnly? InductionStartDate,
    string TrainingProgramme,
    LeadProvider? LeadProvider,
    DeliveryPartner? DeliveryPartner,
    MentorReference? Mentor,
    CohortChoice Choice)
{
    /// <summary>First day at the school and of the training: the induction start date when it is after today, else today.</summary>
    public DateOnly StartsOn(DateOnly today) => InductionStartDate is { } start && start > today ? start : today;
}

/// <summary>The registration when valid, or every refusal (one per field).</summary>
public sealed record ValidatedRegistration(ValidRegistration? Value, IReadOnlyList<RegistrationRefusal> Refusals)
{
    public bool IsValid => Refusals.Count == 0;
}

/// <summary>
/// Pure checks of a registration's fields (docs/domain.md#registration, #text-input): each failure is a refusal on its field,
/// several at once when several fields are wrong. What the registration means for the person found by its TRN is
/// <see cref="PersonDecider"/>'s, and who trains them is <see cref="TrainingProviderChoice"/>'s.
/// </summary>
public static partial class RegistrationValidator
{
    public static ValidatedRegistration Validate(RegistrationRequest request, RegistrationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        var refusals = new List<RegistrationRefusal>();
        var today = DateOnly.FromDateTime(facts.Now.UtcDateTime);
        var isEct = request.ParticipationType == ParticipationTypes.Ect;

        var trn = request.Trn?.Trim();
        if (string.IsNullOrEmpty(trn))
        {
            refusals.Add(new(RegistrationRule.TrnMissing, "trn", TextMessages.Required("trn")));
        }
        else if (!IsWellFormedTrn(trn))
        {
            refusals.Add(new(RegistrationRule.TrnFormat, "trn", RegistrationMessages.TrnFormat));
        }

        var fullName = Text(request.FullName, TextKind.Name, "full_name", refusals);
        var dateOfBirth = Date(request.DateOfBirth, "date_of_birth", RegistrationRule.DateOfBirthMissing, RegistrationRule.DateOfBirthFormat, refusals);
        if (dateOfBirth is { } born && TextRules.CheckDateOfBirth(born, today) is { } implausible)
        {
            refusals.Add(new(DateOfBirthRule(implausible), "date_of_birth", TextMessages.For(implausible)));
        }

        var email = Text(request.Email, TextKind.Email, "email", refusals);

        var school = facts.School;
        if (string.IsNullOrWhiteSpace(request.SchoolUrn))
        {
            refusals.Add(new(RegistrationRule.SchoolUrnMissing, "school_urn", TextMessages.Required("school_urn")));
        }
        else if (Urn(request.SchoolUrn) is not { } urn || school is null || school.Urn != urn)
        {
            refusals.Add(new(RegistrationRule.SchoolUnknown, "school_urn", RegistrationMessages.UnknownSchool));
        }
        else if (school.Status != SchoolStatus.Active || !school.Eligibility.EligibleForFunding || school.Eligibility.CipOnly)
        {
            refusals.Add(new(RegistrationRule.SchoolNotEligible, "school_urn", RegistrationMessages.SchoolNotEligible));
        }

        var inductionStart = isEct
            ? Date(request.InductionStartDate, "induction_start_date", RegistrationRule.InductionStartDateMissing, RegistrationRule.InductionStartDateFormat, refusals)
            : null;

        var programme = request.TrainingProgramme?.Trim();
        if (string.IsNullOrEmpty(programme))
        {
            refusals.Add(new(RegistrationRule.TrainingProgrammeMissing, "training_programme", TextMessages.Required("training_programme")));
        }
        else if (!TrainingProgrammes.IsKnown(programme))
        {
            refusals.Add(new(RegistrationRule.TrainingProgrammeInvalid, "training_programme", RegistrationMessages.TrainingProgramme));
        }

        var schoolLed = programme == TrainingProgrammes.SchoolLed;
        LeadProvider? leadProvider = null;
        if (!string.IsNullOrWhiteSpace(request.LeadProviderId))
        {
            if (schoolLed)
            {
                refusals.Add(new(RegistrationRule.LeadProviderNotForSchoolLed, "lead_provider_id", RegistrationMessages.NotForSchoolLed));
            }
            else if (!Guid.TryParse(request.LeadProviderId, out var id) || (leadProvider = facts.LeadProviders.FirstOrDefault(p => p.Id == id && p.DeliversEcf)) is null)
            {
                refusals.Add(new(RegistrationRule.LeadProviderUnknown, "lead_provider_id", RegistrationMessages.UnknownLeadProvider));
            }
        }

        DeliveryPartner? deliveryPartner = null;
        if (!string.IsNullOrWhiteSpace(request.DeliveryPartnerId))
        {
            if (schoolLed)
            {
                refusals.Add(new(RegistrationRule.DeliveryPartnerNotForSchoolLed, "delivery_partner_id", RegistrationMessages.NotForSchoolLed));
            }
            else if (!Guid.TryParse(request.DeliveryPartnerId, out var id) || (deliveryPartner = facts.DeliveryPartners.FirstOrDefault(p => p.Id == id)) is null)
            {
                refusals.Add(new(RegistrationRule.DeliveryPartnerUnknown, "delivery_partner_id", RegistrationMessages.UnknownDeliveryPartner));
            }
            else if (string.IsNullOrWhiteSpace(request.LeadProviderId))
            {
                refusals.Add(new(RegistrationRule.DeliveryPartnerNeedsLeadProvider, "delivery_partner_id", RegistrationMessages.DeliveryPartnerNeedsLeadProvider));
            }
        }

        MentorReference? mentor = null;
        if (isEct && !string.IsNullOrWhiteSpace(request.MentorId))
        {
            mentor = MentorAt(facts.Mentor, school?.SchoolId);
            if (mentor is null)
            {
                refusals.Add(new(RegistrationRule.MentorUnknown, "mentor_id", RegistrationMessages.UnknownMentor));
            }
        }

        var choice = isEct ? CohortPlacement.ForEct(inductionStart, facts.ContractPeriods, facts.Now) : CohortPlacement.ForMentor(facts.ContractPeriods, facts.Now);
        if (choice is null && refusals.Count == 0)
        {
            refusals.Add(new(RegistrationRule.NoCohort, isEct ? "induction_start_date" : "school_urn", RegistrationMessages.NoCohort));
        }

        return refusals.Count > 0
            ? new(null, refusals)
            : new(new ValidRegistration(request.ParticipationType, trn!, fullName!, dateOfBirth!.Value, email!, school!, inductionStart, programme!, leadProvider, deliveryPartner, mentor, choice!), []);
    }

    /// <summary>Exactly seven digits: the form of a Teacher Reference Number.</summary>
    public static bool IsWellFormedTrn(string? trn) => trn is not null && SevenDigits().IsMatch(trn);

    /// <summary>The URN a <c>school_urn</c> names, or null when it is not a number.</summary>
    public static int? Urn(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var urn) ? urn : null;

    /// <summary>The mentor participation of <paramref name="mentor"/> when it is open at <paramref name="schoolId"/>, else null.</summary>
    public static MentorReference? MentorAt(Person? mentor, string? schoolId)
    {
        var participation = mentor?.FindParticipation(ParticipationTypes.Mentor);
        return participation?.OpenAtSchoolPeriod is { } open && schoolId is not null && open.SchoolId == schoolId
            ? new MentorReference(mentor!.PersonId, participation.TrainingRecordId)
            : null;
    }

    private static string? Text(string? value, TextKind kind, string attribute, List<RegistrationRefusal> refusals)
    {
        var check = TextRules.Check(value, kind);
        if (check.Problem is { } problem)
        {
            refusals.Add(new(TextRule(kind, problem), attribute, TextMessages.For(problem, attribute, kind)));
        }

        return check.Value;
    }

    private static DateOnly? Date(string? text, string attribute, RegistrationRule missing, RegistrationRule format, List<RegistrationRefusal> refusals)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            refusals.Add(new(missing, attribute, TextMessages.Required(attribute)));
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        refusals.Add(new(format, attribute, RegistrationMessages.DateFormat));
        return null;
    }

    /// <summary>The registration's one name field is <c>full_name</c> and its one email field <c>email</c>.</summary>
    private static RegistrationRule TextRule(TextKind kind, TextProblem problem) => (kind, problem) switch
    {
        (TextKind.Name, TextProblem.Missing) => RegistrationRule.FullNameMissing,
        (TextKind.Name, TextProblem.TooLong) => RegistrationRule.FullNameTooLong,
        (TextKind.Name, TextProblem.DisallowedCharacter) => RegistrationRule.FullNameDisallowedCharacter,
        (TextKind.Name, _) => RegistrationRule.FullNameNoLetter,
        (_, TextProblem.Missing) => RegistrationRule.EmailMissing,
        (_, TextProblem.TooLong) => RegistrationRule.EmailTooLong,
        (_, TextProblem.DisallowedCharacter) => RegistrationRule.EmailDisallowedCharacter,
        _ => RegistrationRule.EmailFormat,
    };

    private static RegistrationRule DateOfBirthRule(DateOfBirthProblem problem) => problem switch
    {
        DateOfBirthProblem.InFuture => RegistrationRule.DateOfBirthInFuture,
        DateOfBirthProblem.TooYoung => RegistrationRule.DateOfBirthTooYoung,
        _ => RegistrationRule.DateOfBirthTooOld,
    };

    [GeneratedRegex("^[0-9]{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex SevenDigits();
}
