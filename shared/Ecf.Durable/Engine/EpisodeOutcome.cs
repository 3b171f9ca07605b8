namespace Ecf.Durable.Engine;

/// <summary>A message handed to an episode: its id and the history event it becomes when consumed.</summary>
internal sealed record IncomingMessage(string MessageId, HistoryEvent Event);

/// <summary>What one episode decided: new history, messages consumed or deferred, and the execution's end if it ended.</summary>
internal sealed class EpisodeOutcome
{
    public List<HistoryEvent> NewEvents { get; } = [];

    /// <summary>Messages applied or dropped (delete them after the commit).</summary>
    public HashSet<string> Consumed { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages that answer a task this execution has not scheduled yet; kept for a later episode.</summary>
    public HashSet<string> Deferred { get; } = new(StringComparer.Ordinal);

    /// <summary>Null while the execution keeps running.</summary>
    public OrchestrationRuntimeStatus? FinalStatus { get; set; }

    public string? Output { get; set; }

    public TaskFailureDetails? Failure { get; set; }

    public string? ContinueAsNewInput { get; set; }

    /// <summary>Raised events to hand to the next execution after ContinueAsNew.</summary>
    public List<(string Name, string? Data)> CarriedEvents { get; } = [];

    /// <summary>Raised-event messages not consumed because the execution continued as new (they belong to the next one).</summary>
    public HashSet<string> LeftForNextExecution { get; } = new(StringComparer.Ordinal);

    public bool CustomStatusSet { get; set; }

    public string? CustomStatus { get; set; }

    public bool Started { get; set; }
}
