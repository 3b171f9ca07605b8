using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <summary>Reads the pre-rendered resource out of a stored view without deserialising the document.</summary>
public static class ProviderViewResources
{
    private static readonly byte[] ResourceName = "resource"u8.ToArray();

    /// <summary>The raw bytes of the top-level <c>resource</c> property; empty when absent (a hidden view).</summary>
    public static ReadOnlyMemory<byte> Extract(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isResource = reader.ValueTextEquals(ResourceName);
            reader.Read();
            if (isResource)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return ReadOnlyMemory<byte>.Empty;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return json.Slice(start, (int)reader.BytesConsumed - start);
            }

            reader.Skip();
        }

        return ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>
    /// The pre-rendered resource of the provider's view <paramref name="documentId"/>: one point read. A hidden view and one that does
    /// not exist (another provider's, unknown) are the same not-found.
    /// </summary>
    public static async Task<Result<ReadOnlyMemory<byte>>> ReadAsync(IDocumentStore store, Guid leadProviderId, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var document = await store.GetContainer(EcfContainers.ProviderViews)
            .ReadAsync(ProviderViewKinds.Partition(leadProviderId), documentId, cancellationToken).ConfigureAwait(false);
        var resource = document is null ? ReadOnlyMemory<byte>.Empty : Extract(document.Json);
        return resource.IsEmpty ? ApiError.NotFound() : Result<ReadOnlyMemory<byte>>.Success(resource);
    }

    /// <summary>Ids are UUIDs; anything else cannot name a view (and must not reach a store as part of a document id).</summary>
    public static bool IsPlausibleId(string? id) => Guid.TryParse(id, out _);
}
