namespace Ecf.Storage;

public enum DocumentStoreError
{
    /// <summary>A document with that id already exists in the partition (HTTP 409 in Cosmos).</summary>
    Conflict,

    /// <summary>The ETag given with If-Match is no longer current (HTTP 412).</summary>
    PreconditionFailed,

    /// <summary>The document does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The request is invalid: malformed JSON, mismatched id, bad continuation or query (HTTP 400).</summary>
    BadRequest,

    /// <summary>The store is busy or unreachable; the caller may retry.</summary>
    Unavailable,
}

public sealed class DocumentStoreException : Exception
{
    public DocumentStoreException()
    {
    }

    public DocumentStoreException(string message)
        : base(message)
    {
    }

    public DocumentStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentStoreException(DocumentStoreError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public DocumentStoreError Error { get; }

    /// <summary>For batches: the index of the operation that failed.</summary>
    public int? OperationIndex { get; init; }
}
