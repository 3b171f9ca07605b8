using System.Text.Json.Serialization;
using Ecf.Domain.Declarations;

namespace Ecf.Application.Declarations;

/// <summary>v3 <c>participant-declaration</c> resource (swagger <c>ParticipantDeclarationResponse</c>).</summary>
public sealed record DeclarationResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] DeclarationAttributes Attributes)
{
    public const string ResourceType = "participant-declaration";

    /// <summary>
    /// Renders <paramref name="declaration"/> of <paramref name="personId"/> with its state derived from <paramref name="statementStates"/>,
    /// and <paramref name="updatedAt"/> as its <c>updated_at</c> (the provider's, ADR 0007). <c>statement_id</c> shows only a billable
    /// line and <c>clawback_statement_id</c> only a refund, as ECF's serialiser.
    /// </summary>
    public static DeclarationResource From(
        string personId, Declaration declaration, string leadProviderName, IReadOnlyDictionary<string, string> statementStates, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var state = DeclarationState.Effective(declaration, statementStates);
        var billable = DeclarationStates.IsBillable(state) || DeclarationStates.IsRefundable(state);
        return new(declaration.Id, ResourceType, new DeclarationAttributes(
            personId,
            declaration.DeclarationType,
            declaration.DeclarationDate,
            declaration.CourseIdentifier,
            DeclarationStates.ApiName(state),
            updatedAt,
            declaration.CreatedAt,
            declaration.DeliveryPartnerId?.ToString("D"),
            billable ? declaration.StatementId : null,
            DeclarationStates.IsRefundable(state) ? declaration.ClawbackStatementId : null,
            state == DeclarationStates.Ineligible ? declaration.IneligibilityReason : null,
            declaration.MentorPersonId,
            DeclarationState.UpliftPaid(declaration, state),
            declaration.EvidenceHeld,
            null,
            leadProviderName));
    }
}

/// <summary>v3 <c>ParticipantDeclarationAttributes</c>.</summary>
public sealed record DeclarationAttributes(
    [property: JsonPropertyName("participant_id")] string ParticipantId,
    [property: JsonPropertyName("declaration_type")] string DeclarationType,
    [property: JsonPropertyName("declaration_date")] DateTimeOffset DeclarationDate,
    [property: JsonPropertyName("course_identifier")] string CourseIdentifier,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("delivery_partner_id")] string? DeliveryPartnerId,
    [property: JsonPropertyName("statement_id")] string? StatementId,
    [property: JsonPropertyName("clawback_statement_id")] string? ClawbackStatementId,
    [property: JsonPropertyName("ineligible_for_funding_reason")] string? IneligibleForFundingReason,
    [property: JsonPropertyName("mentor_id")] string? MentorId,
    [property: JsonPropertyName("uplift_paid")] bool UpliftPaid,
    [property: JsonPropertyName("evidence_held")] string? EvidenceHeld,
    [property: JsonPropertyName("has_passed")] bool? HasPassed,
    [property: JsonPropertyName("lead_provider_name")] string LeadProviderName);
