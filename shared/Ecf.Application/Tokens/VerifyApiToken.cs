using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Tokens;

/// <summary>
/// Checks a presented token: digest, point read (or a recent cache entry), constant-time comparison. Records when it was
/// last used, at most once per <see cref="LastUsedInterval"/> per token, so most requests do not write.
/// </summary>
public sealed class VerifyApiTokenHandler(IDocumentStore store, ApiTokenDigester digester, ApiTokenCache cache, TimeProvider timeProvider)
{
    public static readonly TimeSpan LastUsedInterval = TimeSpan.FromMinutes(5);

    /// <summary>The token's identity, or null when the token is unknown or malformed.</summary>
    public async Task<VerifiedApiToken?> HandleAsync(string presentedToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedToken) || presentedToken.Length > ApiTokenDigester.MaxTokenLength)
        {
            return null;
        }

        var digest = digester.Digest(presentedToken);
        var digestHex = ApiTokenDigester.ToHex(digest);
        var now = timeProvider.GetUtcNow();
        var container = store.GetContainer(EcfContainers.Reference);

        if (!cache.TryGet(digestHex, now, out var entry))
        {
            var stored = await container.ReadAsync(ApiTokenDocument.PartitionKind, ApiTokenDocument.IdFor(digestHex), cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var document = stored.As<ApiTokenDocument>();
            if (!ApiTokenDigester.Matches(digest, document.Digest))
            {
                return null;
            }

            entry = new ApiTokenCache.Entry(
                new VerifiedApiToken(document.TokenId, document.Role, document.LeadProviderId, document.LeadProviderName),
                document.LastUsedAt,
                now);
            cache.Set(digestHex, entry);
        }

        if (IsLastUsedDue(entry.LastUsedAt, now))
        {
            var written = await RecordUseAsync(container, digestHex, now, cancellationToken).ConfigureAwait(false);
            cache.Set(digestHex, entry with { LastUsedAt = written });
        }

        return entry.Token;
    }

    private static bool IsLastUsedDue(DateTimeOffset? lastUsedAt, DateTimeOffset now) =>
        lastUsedAt is null || now - lastUsedAt.Value >= LastUsedInterval;

    /// <summary>Writes last-used from the stored value, with If-Match; a concurrent writer winning is fine. Returns the stored value.</summary>
    private static async Task<DateTimeOffset?> RecordUseAsync(IDocumentContainer container, string digestHex, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = ApiTokenDocument.IdFor(digestHex);
        var stored = await container.ReadAsync(ApiTokenDocument.PartitionKind, id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return now;
        }

        var document = stored.As<ApiTokenDocument>();
        if (!IsLastUsedDue(document.LastUsedAt, now))
        {
            return document.LastUsedAt;
        }

        try
        {
            await container.ReplaceAsync(ApiTokenDocument.PartitionKind, id, document with { LastUsedAt = now }, stored.ETag, cancellationToken).ConfigureAwait(false);
            return now;
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            // Another request recorded the use first, or the token was deleted meanwhile.
            return now;
        }
    }
}
