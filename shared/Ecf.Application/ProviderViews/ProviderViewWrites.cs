using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// How every provider view is written (ADR 0007): read, decide, write conditionally (create, or replace with If-Match); a lost
/// race reads and decides again. With the hidden tombstone, the never-backwards <c>updated_at</c> and the content hash the
/// writers share.
/// </summary>
internal static class ProviderViewWrites
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// Reads, decides and writes; on a lost race, reads and decides again. True when written. <paramref name="preRead"/>, when
    /// given, is what a multi-read found for the first decision (null inside it: not found).
    /// </summary>
    public static async Task<bool> ApplyAsync(
        IDocumentContainer container,
        string partition,
        string id,
        Func<ProviderViewDocument?, ProviderViewDocument?> decide,
        CancellationToken cancellationToken,
        PreRead? preRead = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = attempt == 1 && preRead is { } known ? known.Document : await container.ReadAsync(partition, id, cancellationToken).ConfigureAwait(false);
            var desired = decide(stored?.As<ProviderViewDocument>());
            if (desired is null)
            {
                return false;
            }

            var json = DocumentJson.Serialize(desired with { Id = id, LeadProviderId = partition });
            try
            {
                if (stored is null)
                {
                    await container.CreateAsync(partition, id, json, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await container.ReplaceAsync(partition, id, json, stored.ETag, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound && attempt < MaxAttempts)
            {
                // Another writer got there first: decide again on what it wrote.
            }
        }
    }

    /// <summary>A hidden tombstone keeping the keys and version, or null when there is nothing visible to hide.</summary>
    public static ProviderViewDocument? Hide(ProviderViewDocument? stored, int version) =>
        stored is null || stored.Hidden
            ? null
            : new ProviderViewDocument
            {
                Id = stored.Id,
                LeadProviderId = stored.LeadProviderId,
                Kind = stored.Kind,
                PersonId = stored.PersonId,
                Version = version,
                Hidden = true,
                KeptSortKey = stored.AnySortKey,
                KeptUpdatedAt = stored.AnyUpdatedAt,
                TransferCreatedAt = stored.TransferCreatedAt,
            };

    /// <summary>The later of a stored <c>updated_at</c> and <paramref name="candidate"/>, as stored: <c>updated_at</c> never moves back.</summary>
    public static string Later(string? stored, DateTimeOffset candidate)
    {
        var formatted = V3Json.SortableTime(candidate);
        return stored is not null && string.CompareOrdinal(stored, formatted) > 0 ? stored : formatted;
    }

    public static DateTimeOffset Parse(string sortable) => DateTimeOffset.Parse(sortable, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public static string Hash<T>(T value) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, V3Json.Options)))[..32];

    /// <summary>A document read ahead (null: not found).</summary>
    public readonly record struct PreRead(StoredDocument? Document);
}
