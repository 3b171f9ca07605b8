using System.Text.Json;

namespace Ecf.Storage;

/// <summary>
/// Checks a document body the way Cosmos DB does, for both adapters: a well-formed JSON object whose top-level <c>id</c> and
/// partition-key property are strings equal to the arguments, and an id Cosmos DB accepts. One forward scan with
/// <see cref="Utf8JsonReader"/>, no allocation.
/// </summary>
public static class DocumentBody
{
    /// <summary>Characters Cosmos DB does not accept in an id (they break the resource URI).</summary>
    public static readonly char[] RestrictedIdCharacters = ['/', '\\', '?', '#'];

    private static ReadOnlySpan<byte> IdProperty => "id"u8;

    /// <summary>Throws <see cref="DocumentStoreError.BadRequest"/> unless the body is valid for that container, id and partition key.</summary>
    public static void Validate(ContainerDefinition container, string partitionKey, string id, ReadOnlyMemory<byte> json)
    {
        ArgumentNullException.ThrowIfNull(container);
        Validate(json.Span, System.Text.Encoding.UTF8.GetBytes(container.PartitionKeyProperty), partitionKey, id);
    }

    /// <summary>Throws <see cref="DocumentStoreError.BadRequest"/> when the partition key is empty or the id empty or restricted.</summary>
    public static void ValidateKeys(string partitionKey, string id)
    {
        if (CheckKeys(partitionKey, id) is { } error)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, error);
        }
    }

    /// <summary>Null when the partition key and id are acceptable, else why not.</summary>
    public static string? CheckKeys(string partitionKey, string id) =>
        string.IsNullOrEmpty(partitionKey) ? "The partition key must not be empty."
        : string.IsNullOrEmpty(id) || id.AsSpan().IndexOfAny(RestrictedIdCharacters) >= 0
            ? $"The id '{id}' is empty or contains a character Cosmos DB does not accept ('/', '\\', '?', '#')."
            : null;

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
        if (CheckKeys(partitionKey, id) is { } keyError)
        {
            return keyError;
        }

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
