using System.Text.Json.Serialization;

namespace Ecf.Application.ProviderViews;

/// <summary>v3 <c>participant-transfer</c> resource (swagger <c>ECFParticipantTransfer</c>).</summary>
public sealed record TransferResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] TransferAttributes Attributes);

public sealed record TransferAttributes(
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("transfers")] IReadOnlyList<TransferEntry> Transfers);

/// <summary>One move between schools (<c>ECFParticipantTransfers</c>).</summary>
public sealed record TransferEntry(
    [property: JsonPropertyName("training_record_id")] string TrainingRecordId,
    [property: JsonPropertyName("transfer_type")] string TransferType,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("leaving")] TransferSide? Leaving,
    [property: JsonPropertyName("joining")] TransferSide? Joining,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

/// <summary>The school and provider on one side of a transfer, and the date (leaving: last day there; joining: first day).</summary>
public sealed record TransferSide(
    [property: JsonPropertyName("school_urn")] string SchoolUrn,
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("date")] DateOnly? Date);
