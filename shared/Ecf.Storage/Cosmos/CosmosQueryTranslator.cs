using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ecf.Storage.Cosmos;

/// <summary>
/// Translates a <see cref="DocumentQuery"/> to parameterised Cosmos SQL:
/// <c>SELECT TOP n * FROM c WHERE c["pk"] = @pk AND filters AND keyset ORDER BY keys, c["id"]</c>.
/// <para>
/// Paging is keyset paging with the shared <see cref="KeysetContinuation"/>: the WHERE clause selects the rows strictly after the
/// last row returned, in the full order (keys, then partition key across partitions, then id ascending), and <c>TOP</c> takes one
/// row more than the page to know whether another page follows. The SDK's continuation tokens are never used, so both adapters
/// page identically and writes between pages never shift a page.
/// </para>
/// <para>
/// Cosmos DB serves an ORDER BY on more than one path only from a composite index (and the test server enforces the same rule).
/// <see cref="CosmosIndexing"/> declares one per indexed path; an order it does not cover (several keys, or a key that is not
/// indexed) is translated without ORDER BY and sorted by the adapter, which then reads every row after the continuation.
/// </para>
/// </summary>
public static class CosmosQueryTranslator
{
    public const string IdProperty = "id";

    /// <param name="container">The container (partition key path and indexed paths).</param>
    /// <param name="partitionKey">The partition to query, or null across partitions.</param>
    /// <param name="query">The query.</param>
    public static CosmosSqlQuery Translate(ContainerDefinition container, string? partitionKey, DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize < 1)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "The page size must be at least 1.");
        }

        foreach (var filter in query.Filters)
        {
            Validate(filter);
        }

        foreach (var order in query.OrderBy)
        {
            CosmosPaths.Validate(order.Path);
        }

        var parameters = new List<CosmosSqlParameter>();
        var conditions = new List<string>();
        if (partitionKey is not null)
        {
            conditions.Add($"{CosmosPaths.Render(PartitionKeyPath(container))} = {Add(parameters, "@pk", JsonSerializer.Serialize(partitionKey))}");
        }

        for (var i = 0; i < query.Filters.Count; i++)
        {
            conditions.Add(Filter(query.Filters[i], $"@f{i}", parameters));
        }

        var sortKeys = SortKeys(container, query.OrderBy, crossPartition: partitionKey is null);
        if (query.Continuation is not null)
        {
            var continuation = KeysetContinuation.Decode(query.Continuation, query.OrderBy.Count);
            conditions.Add(Keyset(sortKeys, ContinuationValues(continuation, sortKeys.Count), parameters));
        }

        var orderedByServer = IsServedByIndex(container, query.OrderBy);
        var text = new StringBuilder("SELECT ");
        if (orderedByServer)
        {
            text.Append(CultureInfo.InvariantCulture, $"TOP {query.PageSize + 1} ");
        }

        text.Append("* FROM c");
        if (conditions.Count > 0)
        {
            text.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        if (orderedByServer)
        {
            text.Append(" ORDER BY ").AppendJoin(", ", sortKeys.Select(k => $"{CosmosPaths.Render(k.Path)} {(k.Descending ? "DESC" : "ASC")}"));
        }

        return new CosmosSqlQuery(text.ToString(), parameters, orderedByServer, sortKeys);
    }

    /// <summary>The partition key property as a dotted path (<c>/personId</c> → <c>personId</c>).</summary>
    public static string PartitionKeyPath(ContainerDefinition container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.PartitionKeyPath.Trim('/').Replace('/', '.');
    }

    /// <summary>The full order: the keys, then (across partitions) the partition key, then the id, both ascending.</summary>
    public static IReadOnlyList<QueryOrder> SortKeys(ContainerDefinition container, IReadOnlyList<QueryOrder> orderBy, bool crossPartition)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        var keys = new List<QueryOrder>(orderBy);
        var pk = PartitionKeyPath(container);
        if (crossPartition && pk != IdProperty)
        {
            keys.Add(new QueryOrder(pk, Descending: false));
        }

        keys.Add(new QueryOrder(IdProperty, Descending: false));
        return keys;
    }

    /// <summary>True when the container's composite indexes (<see cref="CosmosIndexing"/>) serve this order.</summary>
    public static bool IsServedByIndex(ContainerDefinition container, IReadOnlyList<QueryOrder> orderBy)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(orderBy);
        return orderBy.Count == 0 || (orderBy.Count == 1 && OrderablePaths(container).Contains(orderBy[0].Path, StringComparer.Ordinal));
    }

    /// <summary>The paths with composite indexes: the indexed paths and the cross-partition indexed paths, once each.</summary>
    public static IReadOnlyList<string> OrderablePaths(ContainerDefinition container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return [.. (container.IndexedPaths ?? []).Concat(container.CrossPartitionIndexedPaths ?? []).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The rows strictly after <paramref name="values"/> in the order <paramref name="sortKeys"/>:
    /// <c>(k1 after v1) OR (k1 = v1 AND k2 after v2) OR ...</c>, where "after" respects each key's direction and Cosmos DB's ranking of
    /// types (missing and null, booleans, numbers, strings).
    /// </summary>
    public static string Keyset(IReadOnlyList<QueryOrder> sortKeys, IReadOnlyList<JsonElement> values, List<CosmosSqlParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(sortKeys);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(parameters);
        var names = new string?[sortKeys.Count];
        for (var i = 0; i < sortKeys.Count; i++)
        {
            var value = values[i];
            if (value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                throw new DocumentStoreException(DocumentStoreError.BadRequest, "The continuation token is not valid for this query.");
            }

            names[i] = value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : Add(parameters, $"@k{i}", value.GetRawText());
        }

        var disjuncts = new List<string>();
        for (var i = 0; i < sortKeys.Count; i++)
        {
            var after = After(CosmosPaths.Render(sortKeys[i].Path), values[i].ValueKind, names[i], sortKeys[i].Descending);
            if (after is null)
            {
                continue;
            }

            var terms = new List<string>();
            for (var j = 0; j < i; j++)
            {
                terms.Add(EqualTo(CosmosPaths.Render(sortKeys[j].Path), names[j]));
            }

            terms.Add(after);
            disjuncts.Add(terms.Count == 1 ? terms[0] : "(" + string.Join(" AND ", terms) + ")");
        }

        return disjuncts.Count switch
        {
            0 => "false",
            1 => disjuncts[0],
            _ => "(" + string.Join(" OR ", disjuncts) + ")",
        };
    }

    private static List<JsonElement> ContinuationValues(KeysetContinuation continuation, int sortKeyCount)
    {
        var values = new List<JsonElement>(continuation.OrderValues);
        if (sortKeyCount == values.Count + 2)
        {
            values.Add(JsonSerializer.SerializeToElement(continuation.PartitionKey));
        }

        values.Add(JsonSerializer.SerializeToElement(continuation.Id));
        return values;
    }

    private static string EqualTo(string expression, string? parameter) =>
        parameter is null ? $"(NOT IS_DEFINED({expression}) OR IS_NULL({expression}))" : $"{expression} = {parameter}";

    /// <summary>Values strictly after the given one: same type and greater (or less when descending), or a type ranked after it.</summary>
    private static string? After(string e, JsonValueKind kind, string? parameter, bool descending)
    {
        var rank = kind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => 0,
            JsonValueKind.True or JsonValueKind.False => 1,
            JsonValueKind.Number => 2,
            _ => 3,
        };
        string[] higher = [$"IS_BOOL({e})", $"IS_NUMBER({e})", $"IS_STRING({e})"];
        string[] lower = [$"NOT IS_DEFINED({e})", $"IS_NULL({e})", $"IS_BOOL({e})", $"IS_NUMBER({e})"];
        var parts = new List<string>();
        if (parameter is not null)
        {
            parts.Add($"{e} {(descending ? "<" : ">")} {parameter}");
        }

        if (descending)
        {
            // Below a null there is nothing; below a boolean, missing and null; below a number, also booleans; and so on.
            parts.AddRange(rank == 0 ? [] : lower.Take(rank + 1));
        }
        else
        {
            parts.AddRange(higher.Skip(rank));
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => "(" + string.Join(" OR ", parts) + ")",
        };
    }

    private static void Validate(QueryFilter filter)
    {
        if (filter.Operator != FilterOperator.AnyOf)
        {
            CosmosPaths.Validate(filter.Path);
            return;
        }

        foreach (var alternative in filter.Alternatives)
        {
            Validate(alternative);
        }
    }

    private static string Filter(QueryFilter filter, string name, List<CosmosSqlParameter> parameters)
    {
        if (filter.Operator == FilterOperator.AnyOf)
        {
            var alternatives = filter.Alternatives;
            return alternatives.Count == 0
                ? "false"
                : "(" + string.Join(" OR ", alternatives.Select((alternative, i) => Filter(alternative, $"{name}o{i}", parameters))) + ")";
        }

        var e = CosmosPaths.Render(filter.Path);
        switch (filter.Operator)
        {
            case FilterOperator.Equal when filter.Value is null:
                return EqualTo(e, null);
            case FilterOperator.NotEqual when filter.Value is null:
                return $"(IS_DEFINED({e}) AND NOT IS_NULL({e}))";
            case FilterOperator.In:
                return In(e, filter, name, parameters);
            case FilterOperator.ArrayContains:
                return filter.Value is null
                    ? throw new DocumentStoreException(DocumentStoreError.BadRequest, $"An ArrayContains filter on '{filter.Path}' needs a value.")
                    : $"(IS_ARRAY({e}) AND ARRAY_CONTAINS({e}, {Add(parameters, name, Scalar(filter.Value, filter.Path))}))";
            case FilterOperator.Equal:
            case FilterOperator.NotEqual:
            case FilterOperator.GreaterThan:
            case FilterOperator.GreaterThanOrEqual:
            case FilterOperator.LessThan:
            case FilterOperator.LessThanOrEqual:
                if (filter.Value is null)
                {
                    throw new DocumentStoreException(DocumentStoreError.BadRequest, $"A {filter.Operator} filter on '{filter.Path}' needs a value; null only compares for equality.");
                }

                return $"{e} {Operator(filter.Operator)} {Add(parameters, name, Scalar(filter.Value, filter.Path))}";
            default:
                throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Unknown filter operator {filter.Operator}.");
        }
    }

    private static string In(string e, QueryFilter filter, string name, List<CosmosSqlParameter> parameters)
    {
        if (filter.Value is not IEnumerable items || filter.Value is string)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"An In filter on '{filter.Path}' needs a collection of values.");
        }

        var names = new List<string>();
        var matchesNull = false;
        foreach (var item in items)
        {
            if (item is null)
            {
                matchesNull = true;
                continue;
            }

            names.Add(Add(parameters, $"{name}_{names.Count}", Scalar(item, filter.Path)));
        }

        var parts = new List<string>();
        if (names.Count > 0)
        {
            parts.Add($"{e} IN ({string.Join(", ", names)})");
        }

        if (matchesNull)
        {
            parts.Add(EqualTo(e, null));
        }

        return parts.Count switch
        {
            0 => "false",
            1 => parts[0],
            _ => "(" + string.Join(" OR ", parts) + ")",
        };
    }

    private static string Scalar(object value, string path) => value switch
    {
        string or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
            => JsonSerializer.Serialize(value, value.GetType(), DocumentJson.Options),
        JsonElement { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } element => element.GetRawText(),
        DateTimeOffset or DateTime or DateOnly or Guid or Enum => JsonSerializer.Serialize(value, value.GetType(), DocumentJson.Options),
        _ => throw new DocumentStoreException(DocumentStoreError.BadRequest, $"A filter on '{path}' has a value of type {value.GetType().Name}; use a string, number or bool."),
    };

    private static string Operator(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.GreaterThan => ">",
        FilterOperator.GreaterThanOrEqual => ">=",
        FilterOperator.LessThan => "<",
        _ => "<=",
    };

    private static string Add(List<CosmosSqlParameter> parameters, string name, string json)
    {
        parameters.Add(new CosmosSqlParameter(name, json));
        return name;
    }
}
