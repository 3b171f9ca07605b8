namespace Ecf.Storage.Cosmos;

/// <summary>A parameter of a Cosmos SQL query: its name (with <c>@</c>) and its value as JSON text.</summary>
public sealed record CosmosSqlParameter(string Name, string Json);

/// <summary>
/// A <see cref="DocumentQuery"/> translated to Cosmos SQL.
/// </summary>
/// <param name="Text">The SQL text, values only as parameters.</param>
/// <param name="Parameters">The parameters, in order of appearance.</param>
/// <param name="OrderedByServer">
/// True when the text has <c>TOP</c> and <c>ORDER BY</c> served by a declared index; false when the order has no composite index
/// in the container's policy, in which case the text selects every row after the continuation and the adapter sorts them.
/// </param>
/// <param name="SortKeys">The full order: the query's keys, then the tie-breakers (partition key across partitions, then id).</param>
public sealed record CosmosSqlQuery(string Text, IReadOnlyList<CosmosSqlParameter> Parameters, bool OrderedByServer, IReadOnlyList<QueryOrder> SortKeys);
