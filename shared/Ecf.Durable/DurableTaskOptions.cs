using System.ComponentModel.DataAnnotations;
using Ecf.Storage;

namespace Ecf.Durable;

/// <summary>Settings of the durable runtime. Section <c>Durable</c>.</summary>
public sealed class DurableTaskOptions : IValidatableObject
{
    public const string SectionName = "Durable";

    /// <summary>The container holding instances, history, queues and leases (partition key <see cref="PartitionKeyPath"/>).</summary>
    [Required]
    public string ContainerName { get; set; } = "workflows";

    /// <summary>Must be <c>/instanceId</c>: every document of the runtime carries its partition in that property.</summary>
    [Required]
    public string PartitionKeyPath { get; set; } = "/instanceId";

    /// <summary>Dispatch partitions (queues); an instance's messages, activity work items and lease live in shard hash(instanceId) mod N.</summary>
    [Range(1, 256)]
    public int ShardCount { get; set; } = 8;

    /// <summary>How long a claimed episode or activity stays owned without renewal; after that another host takes it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Claims of one instance's episode without a successful commit (host killed, engine error) before the instance is failed.</summary>
    [Range(1, 1000)]
    public int MaxEpisodeAttempts { get; set; } = 5;

    /// <summary>Deliveries of one activity work item (claims) before it is failed instead of run again.</summary>
    [Range(1, 1000)]
    public int MaxActivityDeliveries { get; set; } = 5;

    [Range(1, 1024)]
    public int MaxConcurrentOrchestrations { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);

    [Range(1, 4096)]
    public int MaxConcurrentActivities { get; set; } = 64;

    /// <summary>Messages handed to one episode at most.</summary>
    [Range(1, 10000)]
    public int MaxMessagesPerEpisode { get; set; } = 1000;

    /// <summary>
    /// Shortest wait between scans of the queues while they keep finding work. Work this host writes itself is handed over in
    /// memory at once; scans find other hosts' work and due timers, and every scan reads and parses a page per shard.
    /// </summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest wait between polls when idle (also the worst-case lateness of a durable timer).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>This host's name in leases; default machine name + process id + a random suffix.</summary>
    public string? HostId { get; set; }

    /// <summary>Create the container at start (idempotent).</summary>
    public bool EnsureContainer { get; set; } = true;

    /// <summary>The JSON paths the runtime's queries filter and order on; declare them wherever the workflows container is ensured.</summary>
    public static IReadOnlyList<string> IndexedPaths { get; } = ["type", "target", "visibleAt", "leaseUntil", "createdTime", "chunk"];

    /// <summary>The container with <see cref="IndexedPaths"/> (ensured at host start when <see cref="EnsureContainer"/>).</summary>
    public ContainerDefinition ContainerDefinition => new(ContainerName, PartitionKeyPath, IndexedPaths);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(PartitionKeyPath, "/instanceId", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Durable:PartitionKeyPath must be /instanceId.", [nameof(PartitionKeyPath)]);
        }

        if (LeaseDuration < TimeSpan.FromMilliseconds(200))
        {
            yield return new ValidationResult("Durable:LeaseDuration must be at least 200 ms.", [nameof(LeaseDuration)]);
        }

        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            yield return new ValidationResult("Durable:MinPollInterval must be positive and at most Durable:MaxPollInterval.", [nameof(MaxPollInterval)]);
        }
    }
}
