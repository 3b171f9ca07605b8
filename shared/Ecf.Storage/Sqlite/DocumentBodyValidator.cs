using System.Text.Json;

namespace Ecf.Storage.Sqlite;

/// <summary>
/// Checks a document body the way Cosmos DB does: a well-formed JSON object whose top-level <c>id</c> and partition-key
/// property are strings equal to the arguments. One forward scan with <see cref="Utf8JsonReader"/>, no allocation.
/// </summary>
internal static class DocumentBodyValidator
{
    private static ReadOnlySpan<byte> IdProperty => "id"u8;

    /// <summary>Throws <see cref="DocumentStoreError.BadRequest"/> unless the body is valid for that id and partition key.</summary>
    public static void Validate(ReadOnlySpan<byte> json, ReadOnlySpan<byte> partitionKeyProperty, string partitionKey, string id)
    {
        var error = Check(json, partitionKeyProperty, partitionKey, id);
        if (error is not null)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, error);
        }
    }

    /// <summary>Null when valid, else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> json, ReadOnlySpan<byte> partitionKeyProperty, string partitionKey, string id)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "The document must be a JSON object.";
            }

            var idFound = false;
            var partitionKeyFound = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals(IdProperty);
                var isPartitionKey = reader.ValueTextEquals(partitionKeyProperty);
                reader.Read();
                if (isId)
                {
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(id))
                    {
                        return "The document's id property does not equal the id given.";
                    }

                    idFound = true;
                }

                if (isPartitionKey)
                {
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(partitionKey))
                    {
                        return "The document's partition key property does not equal the partition key given.";
                    }

                    partitionKeyFound = true;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }

            // The root object is closed; anything but trailing whitespace makes Read throw.
            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
            {
                return "The document is not a single JSON object.";
            }

            return !idFound ? "The document has no id property."
                : !partitionKeyFound ? "The document has no partition key property."
                : null;
        }
        catch (JsonException)
        {
            return "The document is not well-formed JSON.";
        }
    }
}
