using System.Text.Json;

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

    /// <summary>Ids are UUIDs; anything else cannot name a view (and must not reach a store as part of a document id).</summary>
    public static bool IsPlausibleId(string? id) => Guid.TryParse(id, out _);
}
