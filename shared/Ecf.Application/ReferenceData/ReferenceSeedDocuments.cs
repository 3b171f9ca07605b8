using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecf.Storage;

namespace Ecf.Application.ReferenceData;

/// <summary>One reference document as the seed wants it stored: <c>{ id, kind, contentHash, data }</c>.</summary>
/// <param name="ContentHash">SHA-256 (hex) of <paramref name="Data"/> serialised with <see cref="DocumentJson"/>.</param>
public sealed record ReferenceSeedDocument(string Kind, string Id, string ContentHash, JsonNode Data)
{
    /// <summary>The document body to store.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(
        new JsonObject
        {
            ["id"] = Id,
            ["kind"] = Kind,
            ["contentHash"] = ContentHash,
            ["data"] = Data.DeepClone(),
        },
        DocumentJson.Options);

    /// <summary>True when <paramref name="stored"/> has this hash and this data (ignoring store system properties).</summary>
    public bool Matches(StoredDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var node = JsonNode.Parse(stored.Json.Span);
        return node is JsonObject body
            && body["contentHash"]?.GetValueKind() == JsonValueKind.String
            && string.Equals(body["contentHash"]!.GetValue<string>(), ContentHash, StringComparison.Ordinal)
            && JsonNode.DeepEquals(body["data"], Data);
    }
}

/// <summary>
/// The documents built from a <see cref="ReferenceSeed"/> and the seed version (a hash over every document id and content hash).
/// </summary>
public sealed class ReferenceSeedDocuments
{
    private static readonly Lazy<ReferenceSeedDocuments> EmbeddedInstance = new(() => From(ReferenceSeedParser.LoadEmbedded()));

    private ReferenceSeedDocuments(ReferenceSeed seed, IReadOnlyList<ReferenceSeedDocument> documents, string version)
    {
        Seed = seed;
        Documents = documents;
        Version = version;
    }

    /// <summary>The seed compiled into Ecf.Application, parsed once per process.</summary>
    public static ReferenceSeedDocuments Embedded => EmbeddedInstance.Value;

    public ReferenceSeed Seed { get; }

    public IReadOnlyList<ReferenceSeedDocument> Documents { get; }

    public string Version { get; }

    public static ReferenceSeedDocuments From(ReferenceSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var documents = new List<ReferenceSeedDocument>();
        void Add<T>(string kind, string id, T item)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(item, DocumentJson.Options);
            documents.Add(new ReferenceSeedDocument(kind, id, Convert.ToHexStringLower(SHA256.HashData(bytes)), JsonNode.Parse(bytes)!));
        }

        foreach (var p in seed.ContractPeriods)
        {
            Add(ReferenceKinds.ContractPeriod, ReferenceKinds.ContractPeriodId(p.Year), p);
        }

        foreach (var s in seed.Schedules)
        {
            Add(ReferenceKinds.EcfSchedule, ReferenceKinds.EcfScheduleId(s.ContractYear, s.Identifier), s);
        }

        foreach (var s in seed.NpqSchedules)
        {
            Add(ReferenceKinds.NpqSchedule, ReferenceKinds.NpqScheduleId(s.Cohort, s.Identifier), s);
        }

        foreach (var e in seed.StatementCalendar)
        {
            Add(ReferenceKinds.StatementCalendar, ReferenceKinds.StatementCalendarId(e.ContractYear, e.Year, e.Month), e);
        }

        foreach (var p in seed.LeadProviders)
        {
            Add(ReferenceKinds.LeadProvider, ReferenceKinds.LeadProviderId(p.Id), p);
        }

        foreach (var p in seed.DeliveryPartners)
        {
            Add(ReferenceKinds.DeliveryPartner, ReferenceKinds.DeliveryPartnerId(p.Id), p);
        }

        foreach (var r in seed.Relationships)
        {
            Add(ReferenceKinds.ProviderRelationship, ReferenceKinds.ProviderRelationshipId(r.LeadProviderId, r.DeliveryPartnerId, r.ContractYear), r);
        }

        var versionInput = string.Join('\n', documents.Select(d => $"{d.Id} {d.ContentHash}").Order(StringComparer.Ordinal));
        var version = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(versionInput)));
        return new ReferenceSeedDocuments(seed, documents, version);
    }
}
