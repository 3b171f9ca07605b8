namespace Ecf.Storage;

/// <summary>
/// A portable query: equality, range and array-membership filters on JSON property paths (dotted, camelCase as stored, e.g. <c>kind</c>,
/// <c>training.cohort</c>), an order, and a page size. Both adapters translate it: SQLite to <c>json_extract</c>,
/// Cosmos to its SQL. Paging continues from <see cref="Continuation"/> of the previous page.
/// </summary>
public sealed record DocumentQuery
{
    public IReadOnlyList<QueryFilter> Filters { get; init; } = [];

    /// <summary>Order keys; the document id is always the final tie-breaker, so the order is total and pages never overlap.</summary>
    public IReadOnlyList<QueryOrder> OrderBy { get; init; } = [];

    public int PageSize { get; init; } = 100;

    public string? Continuation { get; init; }

    public static DocumentQuery All(int pageSize = 100) => new() { PageSize = pageSize };

    public DocumentQuery Where(string path, FilterOperator op, object? value) => this with { Filters = [.. Filters, new QueryFilter(path, op, value)] };

    public DocumentQuery WhereEquals(string path, object? value) => Where(path, FilterOperator.Equal, value);

    /// <summary>Adds an OR group: the document matches when any of <paramref name="alternatives"/> does (none: nothing matches).</summary>
    public DocumentQuery WhereAny(params QueryFilter[] alternatives) => Where("", FilterOperator.AnyOf, (IReadOnlyList<QueryFilter>)alternatives);

    public DocumentQuery OrderByAscending(string path) => this with { OrderBy = [.. OrderBy, new QueryOrder(path, Descending: false)] };

    public DocumentQuery OrderByDescending(string path) => this with { OrderBy = [.. OrderBy, new QueryOrder(path, Descending: true)] };

    public DocumentQuery WithPageSize(int pageSize) => this with { PageSize = pageSize };

    public DocumentQuery WithContinuation(string? continuation) => this with { Continuation = continuation };
}

public enum FilterOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,

    /// <summary>Value is a collection; matches when the property equals one of its items.</summary>
    In,

    /// <summary>
    /// Value is a string, number or bool; matches when the property is an array with an item equal to it (a missing property,
    /// or one that is not an array, never matches). Cosmos DB serves it from its default index of array items; the embedded
    /// store reads the array of each document in the partition that the other filters leave.
    /// </summary>
    ArrayContains,

    /// <summary>Value is a list of <see cref="QueryFilter"/> (the path is unused); matches when any of them does. See <see cref="DocumentQuery.WhereAny"/>.</summary>
    AnyOf,
}

/// <summary>A filter. <paramref name="Value"/> is a string, a number, a bool, null (equality only) or, for In, a collection of those; for ArrayContains, not null.</summary>
public sealed record QueryFilter(string Path, FilterOperator Operator, object? Value)
{
    /// <summary>The alternatives of an <see cref="FilterOperator.AnyOf"/> filter.</summary>
    public IReadOnlyList<QueryFilter> Alternatives => Value as IReadOnlyList<QueryFilter>
        ?? throw new DocumentStoreException(DocumentStoreError.BadRequest, "An AnyOf filter needs a list of filters.");
}

public sealed record QueryOrder(string Path, bool Descending);
