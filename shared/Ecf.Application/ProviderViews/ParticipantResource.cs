using System.Text.Json.Serialization;

namespace Ecf.Application.ProviderViews;

/// <summary>v3 <c>participant</c> resource (swagger <c>ECFParticipant</c>).</summary>
public sealed record ParticipantResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] ParticipantAttributes Attributes);

/// <summary>v3 <c>ECFParticipantAttributes</c>.</summary>
public sealed record ParticipantAttributes(
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("teacher_reference_number")] string? TeacherReferenceNumber,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("ecf_enrolments")] IReadOnlyList<EcfEnrolment> EcfEnrolments,
    [property: JsonPropertyName("participant_id_changes")] IReadOnlyList<ParticipantIdChangeResource> ParticipantIdChanges);

/// <summary>v3 <c>ECFEnrolment</c>: one per participation the provider can see.</summary>
public sealed record EcfEnrolment(
    [property: JsonPropertyName("training_record_id")] string TrainingRecordId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("mentor_id")] string? MentorId,
    [property: JsonPropertyName("school_urn")] string? SchoolUrn,
    [property: JsonPropertyName("participant_type")] string ParticipantType,
    [property: JsonPropertyName("cohort")] string Cohort,
    [property: JsonPropertyName("training_status")] string TrainingStatus,
    [property: JsonPropertyName("participant_status")] string ParticipantStatus,
    [property: JsonPropertyName("teacher_reference_number_validated")] bool? TeacherReferenceNumberValidated,
    [property: JsonPropertyName("eligible_for_funding")] bool? EligibleForFunding,
    [property: JsonPropertyName("pupil_premium_uplift")] bool PupilPremiumUplift,
    [property: JsonPropertyName("sparsity_uplift")] bool SparsityUplift,
    [property: JsonPropertyName("schedule_identifier")] string? ScheduleIdentifier,
    [property: JsonPropertyName("delivery_partner_id")] string? DeliveryPartnerId,
    [property: JsonPropertyName("withdrawal")] StatusChangeResource? Withdrawal,
    [property: JsonPropertyName("deferral")] StatusChangeResource? Deferral,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("induction_end_date")] DateOnly? InductionEndDate,
    [property: JsonPropertyName("mentor_funding_end_date")] DateOnly? MentorFundingEndDate,
    [property: JsonPropertyName("cohort_changed_after_payments_frozen")] bool CohortChangedAfterPaymentsFrozen,
    [property: JsonPropertyName("mentor_ineligible_for_funding_reason")] string? MentorIneligibleForFundingReason);

/// <summary>v3 <c>ECFWithdrawal</c> / <c>ECFDeferral</c>.</summary>
public sealed record StatusChangeResource(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("date")] DateTimeOffset Date);

/// <summary>v3 <c>ParticipantIdChange</c>.</summary>
public sealed record ParticipantIdChangeResource(
    [property: JsonPropertyName("from_participant_id")] string FromParticipantId,
    [property: JsonPropertyName("to_participant_id")] string ToParticipantId,
    [property: JsonPropertyName("changed_at")] DateTimeOffset ChangedAt);
