using System.Text.Json;

namespace Ecf.Storage.Cosmos;

/// <summary>
/// The order of JSON values used by queries: missing and null first, then booleans, numbers, strings (ordinal), as Cosmos DB's
/// ORDER BY ranks types. Missing and null share one rank, as in the embedded store (documents never store null: DocumentJson omits it).
/// </summary>
public static class CosmosOrdering
{
    public static int Rank(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => 0,
        JsonValueKind.False or JsonValueKind.True => 1,
        JsonValueKind.Number => 2,
        JsonValueKind.String => 3,
        JsonValueKind.Array => 4,
        _ => 5,
    };

    public static int Compare(JsonElement left, JsonElement right)
    {
        var rank = Rank(left).CompareTo(Rank(right));
        if (rank != 0)
        {
            return rank;
        }

        return left.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => left.GetBoolean().CompareTo(right.GetBoolean()),
            JsonValueKind.Number => left.GetDouble().CompareTo(right.GetDouble()),
            JsonValueKind.String => string.CompareOrdinal(left.GetString(), right.GetString()),
            _ => 0,
        };
    }

    /// <summary>Compares two rows by their sort-key values, each key with its direction.</summary>
    public static int CompareKeys(IReadOnlyList<JsonElement> left, IReadOnlyList<JsonElement> right, IReadOnlyList<QueryOrder> sortKeys)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(sortKeys);
        for (var i = 0; i < sortKeys.Count; i++)
        {
            var result = Compare(left[i], right[i]);
            if (result != 0)
            {
                return sortKeys[i].Descending ? -result : result;
            }
        }

        return 0;
    }
}
