using System.Net;

namespace Ecf.Storage.Cosmos;

/// <summary>How Cosmos DB status codes become <see cref="DocumentStoreError"/>s.</summary>
public static class CosmosErrorMapping
{
    /// <summary>The port's error for a failed status, or null when the status is not an expected outcome (e.g. 401, 403, 500).</summary>
    public static DocumentStoreError? ToError(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Conflict => DocumentStoreError.Conflict,
        HttpStatusCode.PreconditionFailed => DocumentStoreError.PreconditionFailed,
        HttpStatusCode.NotFound => DocumentStoreError.NotFound,
        HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => DocumentStoreError.BadRequest,
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or HttpStatusCode.Gone => DocumentStoreError.Unavailable,
        _ => null,
    };

    /// <summary>The exception for a failed response: a <see cref="DocumentStoreException"/> when the status maps, otherwise an unexpected failure.</summary>
    public static Exception ToException(HttpStatusCode status, string operation, string? detail, Exception? inner = null)
    {
        var message = $"Cosmos DB {operation} failed with {(int)status} {status}{(string.IsNullOrWhiteSpace(detail) ? "" : ": " + Truncate(detail))}";
        return ToError(status) is { } error
            ? new DocumentStoreException(error, message, inner)
            : new InvalidOperationException(message, inner);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
