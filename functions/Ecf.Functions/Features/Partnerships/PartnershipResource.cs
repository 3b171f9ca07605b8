using System.Globalization;
using System.Text.Json.Serialization;
using Ecf.Application.Partnerships;
using Ecf.Application.ProviderViews;

namespace Ecf.Functions.Features.Partnerships;

/// <summary>The v3 <c>partnership</c> resource (ECFPartnership in the spec).</summary>
public sealed record PartnershipResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] PartnershipAttributes Attributes)
{
    public static PartnershipResource From(PartnershipView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new PartnershipResource(view.PartnershipId, "partnership", new PartnershipAttributes(
            view.Cohort.ToString(CultureInfo.InvariantCulture),
            view.Urn,
            view.SchoolId,
            view.DeliveryPartnerId,
            view.DeliveryPartnerName,
            view.Status,
            view.ChallengedReason,
            view.ChallengedAt is { } at ? V3Json.Time(at) : null,
            view.InductionTutorName,
            view.InductionTutorEmail,
            V3Json.Time(view.UpdatedAt),
            V3Json.Time(view.CreatedAt)));
    }
}

public sealed record PartnershipAttributes(
    [property: JsonPropertyName("cohort")] string Cohort,
    [property: JsonPropertyName("urn")] string Urn,
    [property: JsonPropertyName("school_id")] string SchoolId,
    [property: JsonPropertyName("delivery_partner_id")] string DeliveryPartnerId,
    [property: JsonPropertyName("delivery_partner_name")] string DeliveryPartnerName,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("challenged_reason")] string? ChallengedReason,
    [property: JsonPropertyName("challenged_at")] string? ChallengedAt,
    [property: JsonPropertyName("induction_tutor_name")] string? InductionTutorName,
    [property: JsonPropertyName("induction_tutor_email")] string? InductionTutorEmail,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("created_at")] string CreatedAt);

public sealed record PartnershipDocument([property: JsonPropertyName("data")] PartnershipResource Data);

public sealed record PartnershipList([property: JsonPropertyName("data")] IReadOnlyList<PartnershipResource> Data);

public sealed record PartnershipRequest([property: JsonPropertyName("data")] PartnershipRequestData? Data);

public sealed record PartnershipRequestData(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("attributes")] PartnershipRequestAttributes? Attributes);

/// <summary>POST needs cohort, school_id and delivery_partner_id; PUT reads only delivery_partner_id.</summary>
public sealed record PartnershipRequestAttributes(
    [property: JsonPropertyName("cohort")] System.Text.Json.JsonElement? Cohort,
    [property: JsonPropertyName("school_id")] string? SchoolId,
    [property: JsonPropertyName("delivery_partner_id")] string? DeliveryPartnerId);

public sealed record ChallengeRequest([property: JsonPropertyName("reason")] string? Reason);
