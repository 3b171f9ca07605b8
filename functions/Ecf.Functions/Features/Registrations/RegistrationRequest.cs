using System.Text.Json.Serialization;

namespace Ecf.Functions.Features.Registrations;

/// <summary><c>{"data":{"type":"ect-registration","attributes":{...}}}</c> (<c>mentor-registration</c> for a mentor); names fixed to the API's snake case.</summary>
public sealed record RegistrationRequest([property: JsonPropertyName("data")] RegistrationData? Data);

public sealed record RegistrationData(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("attributes")] RegistrationAttributes? Attributes);

/// <summary>Every value is read as text so each field's problem is reported on that field.</summary>
public sealed record RegistrationAttributes(
    [property: JsonPropertyName("trn")] string? Trn,
    [property: JsonPropertyName("full_name")] string? FullName,
    [property: JsonPropertyName("date_of_birth")] string? DateOfBirth,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("school_urn")] string? SchoolUrn,
    [property: JsonPropertyName("induction_start_date")] string? InductionStartDate,
    [property: JsonPropertyName("training_programme")] string? TrainingProgramme,
    [property: JsonPropertyName("lead_provider_id")] string? LeadProviderId,
    [property: JsonPropertyName("delivery_partner_id")] string? DeliveryPartnerId,
    [property: JsonPropertyName("mentor_id")] string? MentorId);
