using System.Globalization;
using System.Text.Json.Serialization;
using Ecf.Application.Registrations;
using Ecf.Domain.People;

namespace Ecf.Functions.Features.Registrations;

/// <summary>The registered participant: <c>id</c> is the participant (person) id, attributes carry the placement.</summary>
public sealed record RegistrationResponse([property: JsonPropertyName("data")] RegistrationResource Data)
{
    public static RegistrationResponse From(RegistrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.TrainingPeriod;
        return new RegistrationResponse(new RegistrationResource(
            result.ParticipantId,
            "participant-registration",
            new RegistrationResultAttributes(
                result.ParticipantId,
                result.TrainingRecordId,
                result.ParticipationType,
                Outcome(result.Outcome),
                result.SchoolId,
                result.SchoolUrn.ToString(CultureInfo.InvariantCulture),
                t.Cohort.ToString(CultureInfo.InvariantCulture),
                t.ContractYear.ToString(CultureInfo.InvariantCulture),
                t.TrainingProgramme,
                t.ScheduleIdentifier,
                t.LeadProviderId?.ToString("D"),
                t.DeliveryPartnerId?.ToString("D"),
                t.PartnershipId,
                result.MentorId,
                t.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    private static string Outcome(RegistrationOutcome outcome) => outcome switch
    {
        RegistrationOutcome.Created => "created",
        RegistrationOutcome.ParticipationAdded => "participation_added",
        RegistrationOutcome.Transferred => "transferred",
        RegistrationOutcome.Updated => "updated",
        _ => "unchanged",
    };
}

public sealed record RegistrationResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] RegistrationResultAttributes Attributes);

public sealed record RegistrationResultAttributes(
    [property: JsonPropertyName("participant_id")] string ParticipantId,
    [property: JsonPropertyName("training_record_id")] string TrainingRecordId,
    [property: JsonPropertyName("participant_type")] string ParticipantType,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("school_id")] string SchoolId,
    [property: JsonPropertyName("school_urn")] string SchoolUrn,
    [property: JsonPropertyName("cohort")] string Cohort,
    [property: JsonPropertyName("contract_year")] string ContractYear,
    [property: JsonPropertyName("training_programme")] string TrainingProgramme,
    [property: JsonPropertyName("schedule_identifier")] string? ScheduleIdentifier,
    [property: JsonPropertyName("lead_provider_id")] string? LeadProviderId,
    [property: JsonPropertyName("delivery_partner_id")] string? DeliveryPartnerId,
    [property: JsonPropertyName("partnership_id")] string? PartnershipId,
    [property: JsonPropertyName("mentor_id")] string? MentorId,
    [property: JsonPropertyName("training_start_date")] string TrainingStartDate);
