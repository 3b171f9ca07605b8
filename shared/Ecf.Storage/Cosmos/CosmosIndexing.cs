using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;

namespace Ecf.Storage.Cosmos;

/// <summary>
/// The indexing policy of a container: the default (every path indexed) plus the composite indexes that the orders of
/// <see cref="CosmosQueryTranslator"/> need. For each indexed path <c>p</c>: (<c>p</c> asc, id asc) and (<c>p</c> desc, id asc) for
/// single-partition queries, and the same with the partition key before the id for cross-partition ones (the same for each
/// cross-partition indexed path); and
/// (partition key asc, id asc) for unordered cross-partition queries.
/// </summary>
public static class CosmosIndexing
{
    public static IReadOnlyList<IReadOnlyList<QueryOrder>> CompositeIndexes(ContainerDefinition container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var result = new List<IReadOnlyList<QueryOrder>>();
        foreach (var path in CosmosQueryTranslator.OrderablePaths(container))
        {
            CosmosPaths.Validate(path);
            foreach (var descending in new[] { false, true })
            {
                QueryOrder[] key = [new(path, descending)];
                result.Add(CosmosQueryTranslator.SortKeys(container, key, crossPartition: false));
                result.Add(CosmosQueryTranslator.SortKeys(container, key, crossPartition: true));
            }
        }

        var unordered = CosmosQueryTranslator.SortKeys(container, [], crossPartition: true);
        if (unordered.Count > 1)
        {
            result.Add(unordered);
        }

        // A composite index lists distinct paths; drop any that repeat (a key on the id or partition key itself).
        return result
            .Where(index => index.Select(k => k.Path).Distinct(StringComparer.Ordinal).Count() == index.Count && index.Count > 1)
            .DistinctBy(index => string.Join(",", index.Select(k => $"{k.Path} {k.Descending}")), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The container's properties for <c>CreateContainerIfNotExistsAsync</c>.</summary>
    public static ContainerProperties ContainerProperties(ContainerDefinition container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var properties = new ContainerProperties(container.Name, container.PartitionKeyPath);
        foreach (var index in CompositeIndexes(container))
        {
            properties.IndexingPolicy.CompositeIndexes.Add(new Collection<CompositePath>(index
                .Select(k => new CompositePath { Path = CosmosPaths.IndexPath(k.Path), Order = k.Descending ? CompositePathSortOrder.Descending : CompositePathSortOrder.Ascending })
                .ToList()));
        }

        return properties;
    }
}
