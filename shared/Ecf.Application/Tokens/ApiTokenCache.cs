using System.Collections.Concurrent;

namespace Ecf.Application.Tokens;

/// <summary>
/// Recently verified tokens by digest, kept for <see cref="Lifetime"/> so that hot paths authenticate without a store read.
/// Holds the last-used time as last seen in the store, so the at-most-every-five-minutes write still happens on cache hits.
/// A revoked token may keep working until its entry expires.
/// </summary>
public sealed class ApiTokenCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string digestHex, DateTimeOffset now, out Entry entry)
    {
        if (_entries.TryGetValue(digestHex, out entry!) && (now - entry.CachedAt).Duration() < Lifetime)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    public void Set(string digestHex, Entry entry)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[digestHex] = entry;
    }

    public void Remove(string digestHex) => _entries.TryRemove(digestHex, out _);

    public sealed record Entry(VerifiedApiToken Token, DateTimeOffset? LastUsedAt, DateTimeOffset CachedAt);
}
