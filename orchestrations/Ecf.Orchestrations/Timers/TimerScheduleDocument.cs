using Ecf.Storage;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// The state of one timer function on the local host, shared by every host on the same store: in the <see cref="Container"/>, partition <see cref="Partition"/>,
/// id <c>timer:&lt;name&gt;</c>. Written only with If-Match, so one host wins each occurrence.
/// </summary>
public sealed record TimerScheduleDocument
{
    /// <summary>The one partition of the timer functions' state.</summary>
    public const string Partition = "~timers";

    /// <summary>The container of the timer functions' state (local only: in Azure the Functions host keeps its own).</summary>
    public static ContainerDefinition Container { get; } = new("timers", "/instanceId");

    public const string DocumentType = "timerSchedule";

    public required string Id { get; init; }

    /// <summary>The partition key (the container's key path is <c>/instanceId</c>).</summary>
    public string InstanceId { get; init; } = Partition;

    public string Type { get; init; } = DocumentType;

    public required string Name { get; init; }

    /// <summary>The schedule the checkpoint was computed with; a changed schedule starts afresh from "now".</summary>
    public required string Schedule { get; init; }

    /// <summary>Every occurrence at or before this time has been handled (run, or skipped as older than the latest missed one).</summary>
    public required DateTimeOffset Checkpoint { get; init; }

    /// <summary>The occurrence last run, if any.</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>The instance started for <see cref="LastOccurrence"/>.</summary>
    public string? LastInstanceId { get; init; }

    /// <summary>False between a host's claim of <see cref="LastOccurrence"/> and its confirmed start of the instance.</summary>
    public bool Started { get; init; } = true;

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public static string IdFor(string name) => "timer:" + name;
}
