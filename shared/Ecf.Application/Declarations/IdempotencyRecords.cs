using System.Security.Cryptography;
using System.Text;
using Ecf.Application.Errors;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Declarations;

/// <summary>
/// The first response to a request sent with an <c>Idempotency-Key</c>, kept 24 hours per lead provider and key in the
/// <c>identifiers</c> container (create-only: the first response stored is the one every retry gets). A success keeps the rendered
/// resource, a refusal its errors. The record carries Cosmos DB's <c>ttl</c>; an expired record is ignored where no TTL runs.
/// </summary>
public sealed class IdempotencyRecords(IDocumentStore store)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IDocumentContainer Identifiers => store.GetContainer(EcfContainers.Identifiers);

    /// <summary>Accepted keys: 1 to 255 visible ASCII characters.</summary>
    public static bool IsValidKey(string key) => key.Length is >= 1 and <= 255 && key.All(c => c is >= '!' and <= '~');

    /// <summary>The record id of a key: the provider and a hash of the key (keys are the client's text, ids are ours).</summary>
    public static string DocumentId(Guid leadProviderId, string key) =>
        $"idempotency:{leadProviderId:D}:{Hash(key)}";

    /// <summary>A stable hash (hex SHA-256) of text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public async Task<IdempotencyRecord?> ReadAsync(Guid leadProviderId, string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = DocumentId(leadProviderId, key);
        var record = await Identifiers.ReadAsync<IdempotencyRecord>(id, id, cancellationToken).ConfigureAwait(false);
        return record is not null && record.ExpiresAt > now ? record : null;
    }

    /// <summary>Stores the first response; when another was stored first (and has not expired), returns that one instead.</summary>
    public async Task<IdempotencyRecord> StoreFirstAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await Identifiers.CreateAsync(record.Id, record.Id, record, cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
        {
            var stored = await Identifiers.ReadAsync(record.Id, record.Id, cancellationToken).ConfigureAwait(false);
            var first = stored?.As<IdempotencyRecord>();
            if (first is not null && first.ExpiresAt > record.CreatedAt)
            {
                return first;
            }

            // The stored one expired (no TTL here): this response starts a new 24 hours.
            await Identifiers.ReplaceAsync(record.Id, record.Id, record, stored?.ETag, cancellationToken).ConfigureAwait(false);
            return record;
        }
    }
}

/// <summary>A kept first response: the request's hash, then the resource (success) or the errors (refusal).</summary>
public sealed record IdempotencyRecord
{
    public required string Id { get; init; }

    public required string LeadProviderId { get; init; }

    public required string RequestHash { get; init; }

    public DeclarationResource? Resource { get; init; }

    public IReadOnlyList<ApiError>? Errors { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Seconds to live, read by Cosmos DB's TTL.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("ttl")]
    public int Ttl { get; init; } = (int)IdempotencyRecords.Lifetime.TotalSeconds;
}
