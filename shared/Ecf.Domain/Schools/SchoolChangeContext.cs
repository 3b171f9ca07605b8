namespace Ecf.Domain.Schools;

/// <summary>Who makes a change, when, and the run it belongs to (an orchestration instance id for the GIAS import).</summary>
public sealed record SchoolChangeContext(DateTimeOffset At, string Source, string CorrelationId);
