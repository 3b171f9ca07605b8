using System.Globalization;

namespace Ecf.Durable.Engine;

/// <summary>Partition keys and deterministic document ids of the workflows container.</summary>
internal static class InstanceIds
{
    public const string InstanceDocId = "instance";
    public const string IndexPartition = "~index";

    public static string Shard(string instanceId, int shardCount)
    {
        // FNV-1a over the UTF-16 code units: stable across processes and versions (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return ShardKey((int)(hash % (uint)shardCount));
    }

    public static string ShardKey(int shard) => "~q~" + shard.ToString("D3", CultureInfo.InvariantCulture);

    public static string HistoryChunk(string executionId, int chunk) => $"h:{executionId}:{chunk.ToString("D8", CultureInfo.InvariantCulture)}";

    public static string Lease(string instanceId) => "l:" + instanceId;

    public static string WorkItem(string instanceId, string executionId, int taskId) => $"a:{instanceId}:{executionId}:{taskId.ToString(CultureInfo.InvariantCulture)}";

    public static string StartMessage(string instanceId, string executionId) => $"m:{instanceId}:{executionId}:start";

    public static string ActivityResult(string instanceId, string executionId, int taskId) => $"m:{instanceId}:{executionId}:t{taskId.ToString(CultureInfo.InvariantCulture)}";

    public static string TimerMessage(string instanceId, string executionId, int taskId) => $"m:{instanceId}:{executionId}:f{taskId.ToString(CultureInfo.InvariantCulture)}";

    public static string SubResult(string instanceId, string executionId, int taskId) => $"m:{instanceId}:{executionId}:s{taskId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Raised events sort by time within the target's messages, so they are delivered in the order they were raised.</summary>
    public static string EventMessage(string instanceId, DateTimeOffset at, string uniqueSuffix) =>
        $"m:{instanceId}:e:{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}:{uniqueSuffix}";

    public static string TerminateMessage(string instanceId, DateTimeOffset at, string uniqueSuffix) =>
        $"m:{instanceId}:x:{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}:{uniqueSuffix}";

    /// <summary>The execution id after ContinueAsNew or of a sub-orchestration: name-based, so every replay of the step derives the same one.</summary>
    public static string DerivedExecutionId(string seed) =>
        ReplayContext.NameBasedGuid(new Guid("0b4c8f3e-43a4-4e0f-9d55-7f6f2f1b7a10"), seed).ToString("N");

    public static void Validate(string instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Length > 200 || instanceId[0] == '~'
            || instanceId.Any(c => char.IsControl(c) || c is '/' or '\\' or '?' or '#'))
        {
            throw new ArgumentException($"'{instanceId}' is not a valid instance id (1 to 200 characters, no control characters, / \\ ? #, not starting with ~).", nameof(instanceId));
        }
    }
}
