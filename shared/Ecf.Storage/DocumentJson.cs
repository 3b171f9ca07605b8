using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecf.Storage;

/// <summary>The one JSON convention of stored documents: camelCase, enums as strings, nulls omitted.</summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlyMemory<byte> json) =>
        JsonSerializer.Deserialize<T>(json.Span, Options) ?? throw new DocumentStoreException(DocumentStoreError.BadRequest, $"The stored document is not a {typeof(T).Name}.");

    public static T As<T>(this StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Deserialize<T>(document.Json);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Typed convenience over <see cref="IDocumentContainer"/>: serialise with <see cref="DocumentJson"/>.</summary>
public static class DocumentContainerExtensions
{
    public static Task<StoredDocument> CreateAsync<T>(this IDocumentContainer container, string partitionKey, string id, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.CreateAsync(partitionKey, id, DocumentJson.Serialize(value), cancellationToken);
    }

    public static Task<StoredDocument> ReplaceAsync<T>(this IDocumentContainer container, string partitionKey, string id, T value, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.ReplaceAsync(partitionKey, id, DocumentJson.Serialize(value), ifMatch, cancellationToken);
    }

    public static Task<StoredDocument> UpsertAsync<T>(this IDocumentContainer container, string partitionKey, string id, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.UpsertAsync(partitionKey, id, DocumentJson.Serialize(value), cancellationToken);
    }

    public static async Task<T?> ReadAsync<T>(this IDocumentContainer container, string partitionKey, string id, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(container);
        var document = await container.ReadAsync(partitionKey, id, cancellationToken).ConfigureAwait(false);
        return document?.As<T>();
    }
}
