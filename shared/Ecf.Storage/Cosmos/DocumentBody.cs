using System.Text.Json;

namespace Ecf.Storage.Cosmos;

/// <summary>Checks, before anything is sent, that a body is a JSON object whose <c>id</c> and partition key property equal the arguments.</summary>
public static class DocumentBody
{
    /// <summary>Characters Cosmos DB does not accept in an id (they break the resource URI).</summary>
    public static readonly char[] RestrictedIdCharacters = ['/', '\\', '?', '#'];

    public static void Validate(ContainerDefinition container, string partitionKey, string id, ReadOnlyMemory<byte> json)
    {
        ArgumentNullException.ThrowIfNull(container);
        ValidateKeys(partitionKey, id);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "The document is not valid JSON.", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentStoreException(DocumentStoreError.BadRequest, "The document must be a JSON object.");
            }

            Expect(document.RootElement, "id", id);
            Expect(document.RootElement, CosmosQueryTranslator.PartitionKeyPath(container), partitionKey);
        }
    }

    public static void ValidateKeys(string partitionKey, string id)
    {
        if (string.IsNullOrEmpty(partitionKey))
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "The partition key must not be empty.");
        }

        if (string.IsNullOrEmpty(id) || id.IndexOfAny(RestrictedIdCharacters) >= 0)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"The id '{id}' is empty or contains a character Cosmos DB does not accept ('/', '\\', '?', '#').");
        }
    }

    private static void Expect(JsonElement root, string path, string expected)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new DocumentStoreException(DocumentStoreError.BadRequest, $"The document has no '{path}' property.");
            }
        }

        if (current.ValueKind != JsonValueKind.String || current.GetString() != expected)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"The document's '{path}' must be the string '{expected}'.");
        }
    }
}
