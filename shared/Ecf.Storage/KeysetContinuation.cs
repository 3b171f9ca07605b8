using System.Buffers.Text;
using System.Text.Json;

namespace Ecf.Storage;

/// <summary>
/// The continuation of an ordered query, shared by both adapters: the order-key values of the last row returned, then its
/// partition key and id (the tie-breakers), as base64url JSON. The next page starts strictly after that row, so a page
/// never repeats or skips a row whose order keys did not change, whatever is written between pages.
/// </summary>
public sealed record KeysetContinuation(IReadOnlyList<JsonElement> OrderValues, string PartitionKey, string Id)
{
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in OrderValues)
            {
                value.WriteTo(writer);
            }

            writer.WriteStringValue(PartitionKey);
            writer.WriteStringValue(Id);
            writer.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>Decodes a continuation made for a query with <paramref name="orderKeyCount"/> order keys; BadRequest if it is not one.</summary>
    public static KeysetContinuation Decode(string continuation, int orderKeyCount)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(continuation);
            using var json = JsonDocument.Parse(bytes);
            var items = json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            if (items.Count != orderKeyCount + 2 || items[^1].ValueKind != JsonValueKind.String || items[^2].ValueKind != JsonValueKind.String)
            {
                throw new FormatException("wrong shape");
            }

            return new KeysetContinuation(items.Take(orderKeyCount).ToList(), items[^2].GetString()!, items[^1].GetString()!);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "The continuation token is not valid for this query.", ex);
        }
    }

    /// <summary>The value at a dotted property path of a JSON document (undefined when absent).</summary>
    public static JsonElement ValueAt(ReadOnlyMemory<byte> json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var current = document.RootElement;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return default;
            }
        }

        return current.Clone();
    }
}
