using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ecf.Storage.Sqlite;

/// <summary>
/// Translates a <see cref="DocumentQuery"/> to SQL over one container table. Values are always parameters; paths are validated
/// and written as literals so that expression indexes on <c>(pk, json_extract(body, '$.path'))</c> apply.
/// Keyset paging: the next page is strictly after the last row in (order keys..., pk, id) order. SQLite sorts NULL
/// (null or missing) first ascending and last descending; the keyset predicate follows the same rule.
/// </summary>
internal sealed class SqliteQueryBuilder
{
    public const int MaxPageSize = 10_000;

    private readonly StringBuilder _sql = new();
    private readonly List<object?> _values = [];

    private SqliteQueryBuilder()
    {
    }

    public string Sql => _sql.ToString();

    public IReadOnlyList<object?> Values => _values;

    /// <summary>Columns: 0 pk, 1 id, 2 body, 3 lsn, then one per order key. Fetches PageSize + 1 rows to know whether a next page exists.</summary>
    public static SqliteQueryBuilder Build(string table, string? partitionKey, DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"The page size must be between 1 and {MaxPageSize}.");
        }

        var builder = new SqliteQueryBuilder();
        var orderExpressions = query.OrderBy.Select(o => SqliteSql.JsonExtract(o.Path)).ToList();
        var sql = builder._sql;
        sql.Append("SELECT pk, id, body, lsn");
        for (var i = 0; i < orderExpressions.Count; i++)
        {
            sql.Append(", ").Append(orderExpressions[i]);
        }

        sql.Append(" FROM ").Append(table).Append(" WHERE ");
        if (partitionKey is not null)
        {
            sql.Append("pk = ").Append(builder.Parameter(partitionKey));
        }
        else
        {
            sql.Append('1');
        }

        foreach (var filter in query.Filters)
        {
            sql.Append(" AND ");
            builder.AppendFilter(filter);
        }

        if (query.Continuation is not null)
        {
            var continuation = KeysetContinuation.Decode(query.Continuation, orderExpressions.Count);
            if (partitionKey is not null && !string.Equals(continuation.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new DocumentStoreException(DocumentStoreError.BadRequest, "The continuation token belongs to another partition.");
            }

            sql.Append(" AND ");
            builder.AppendKeyset(query.OrderBy, orderExpressions, continuation, crossPartition: partitionKey is null);
        }

        sql.Append(" ORDER BY ");
        for (var i = 0; i < orderExpressions.Count; i++)
        {
            sql.Append(orderExpressions[i]).Append(query.OrderBy[i].Descending ? " DESC, " : ", ");
        }

        sql.Append(partitionKey is null ? "pk, id" : "id");
        sql.Append(" LIMIT ").Append((query.PageSize + 1).ToString(CultureInfo.InvariantCulture));
        return builder;
    }

    /// <summary>The continuation after a row, from its pk, id and order-key columns (4..).</summary>
    public static string ContinuationAfter(string partitionKey, string id, IReadOnlyList<object?> orderValues)
    {
        var values = new List<JsonElement>(orderValues.Count);
        foreach (var value in orderValues)
        {
            values.Add(value switch
            {
                null or DBNull => JsonSerializer.SerializeToElement<object?>(null),
                long l => JsonSerializer.SerializeToElement(l),
                double d => JsonSerializer.SerializeToElement(d),
                string s => JsonSerializer.SerializeToElement(s),
                _ => throw new DocumentStoreException(DocumentStoreError.BadRequest, "Queries can only order on strings, numbers, booleans and nulls."),
            });
        }

        return new KeysetContinuation(values, partitionKey, id).Encode();
    }

    private string Parameter(object? value)
    {
        _values.Add(value ?? DBNull.Value);
        return "@p" + (_values.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    private void AppendFilter(QueryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Operator == FilterOperator.AnyOf)
        {
            AppendAnyOf(filter.Alternatives);
            return;
        }

        var expression = SqliteSql.JsonExtract(filter.Path);
        if (filter.Operator == FilterOperator.In)
        {
            AppendIn(expression, filter.Value);
            return;
        }

        if (filter.Operator == FilterOperator.ArrayContains)
        {
            AppendArrayContains(filter);
            return;
        }

        var value = ToSqlValue(filter.Value);
        if (value is null)
        {
            _sql.Append(expression).Append(filter.Operator switch
            {
                FilterOperator.Equal => " IS NULL",
                FilterOperator.NotEqual => " IS NOT NULL",
                _ => throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Null can only be compared for equality ({filter.Path})."),
            });
            return;
        }

        var op = filter.Operator switch
        {
            FilterOperator.Equal => " = ",
            FilterOperator.NotEqual => " <> ",
            FilterOperator.GreaterThan => " > ",
            FilterOperator.GreaterThanOrEqual => " >= ",
            FilterOperator.LessThan => " < ",
            FilterOperator.LessThanOrEqual => " <= ",
            _ => throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Unknown operator {filter.Operator}."),
        };
        _sql.Append(expression).Append(op).Append(Parameter(value));
    }

    private void AppendIn(string expression, object? collection)
    {
        if (collection is string or null or not IEnumerable)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "The In operator needs a collection of values.");
        }

        var items = new List<string>();
        var hasNull = false;
        foreach (var item in (IEnumerable)collection)
        {
            var value = ToSqlValue(item);
            if (value is null)
            {
                hasNull = true;
            }
            else
            {
                items.Add(Parameter(value));
            }
        }

        _sql.Append('(');
        _sql.Append(items.Count == 0 ? "0" : expression + " IN (" + string.Join(", ", items) + ")");
        if (hasNull)
        {
            _sql.Append(" OR ").Append(expression).Append(" IS NULL");
        }

        _sql.Append(')');
    }

    private void AppendAnyOf(IReadOnlyList<QueryFilter> alternatives)
    {
        if (alternatives.Count == 0)
        {
            _sql.Append('0');
            return;
        }

        _sql.Append('(');
        for (var i = 0; i < alternatives.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(" OR ");
            }

            AppendFilter(alternatives[i]);
        }

        _sql.Append(')');
    }

    /// <summary>An item of the array at the path equals the value (json_each yields nothing for a missing path; for a scalar, its type is not 'array').</summary>
    private void AppendArrayContains(QueryFilter filter)
    {
        var value = ToSqlValue(filter.Value)
            ?? throw new DocumentStoreException(DocumentStoreError.BadRequest, $"An ArrayContains filter on '{filter.Path}' needs a value.");
        _ = SqliteSql.JsonExtract(filter.Path); // validates the path
        var path = "'$." + filter.Path + "'";
        _sql.Append("(json_type(body, ").Append(path).Append(") = 'array' AND EXISTS (SELECT 1 FROM json_each(body, ").Append(path)
            .Append(") AS item WHERE item.value = ").Append(Parameter(value)).Append("))");
    }

    /// <summary>(k1 after v1) OR (k1 = v1 AND ((k2 after v2) OR (k2 = v2 AND ... tie-breakers))).</summary>
    private void AppendKeyset(IReadOnlyList<QueryOrder> order, List<string> expressions, KeysetContinuation continuation, bool crossPartition)
    {
        var closing = 0;
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var value = FromJson(continuation.OrderValues[i]);
            var parameter = value is null ? null : Parameter(value);
            string after;
            string equal;
            if (value is null)
            {
                after = order[i].Descending ? "0" : expression + " IS NOT NULL";
                equal = expression + " IS NULL";
            }
            else
            {
                after = order[i].Descending ? $"({expression} < {parameter} OR {expression} IS NULL)" : $"{expression} > {parameter}";
                equal = $"{expression} = {parameter}";
            }

            _sql.Append('(').Append(after).Append(" OR (").Append(equal).Append(" AND ");
            closing += 2;
        }

        if (crossPartition)
        {
            var pk = Parameter(continuation.PartitionKey);
            _sql.Append("(pk > ").Append(pk).Append(" OR (pk = ").Append(pk).Append(" AND id > ").Append(Parameter(continuation.Id)).Append("))");
        }
        else
        {
            _sql.Append("id > ").Append(Parameter(continuation.Id));
        }

        _sql.Append(')', closing);
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        _ => throw new DocumentStoreException(DocumentStoreError.BadRequest, "The continuation token is not valid for this query."),
    };

    /// <summary>A filter value as SQLite compares it with <c>json_extract</c>: TEXT, INTEGER (also booleans), REAL or null.</summary>
    private static object? ToSqlValue(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? 1L : 0L,
        int i => (long)i,
        long l => l,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        double d => d,
        float f => (double)f,
        decimal m => decimal.IsInteger(m) && m >= long.MinValue && m <= long.MaxValue ? (long)m : (double)m,
        JsonElement e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? throw new DocumentStoreException(DocumentStoreError.BadRequest, "Filters compare strings, numbers, booleans and nulls only.")
            : FromJson(e),
        _ => ToSqlValue(JsonSerializer.SerializeToElement(value, value.GetType(), DocumentJson.Options)),
    };
}
