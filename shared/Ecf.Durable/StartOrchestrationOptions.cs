namespace Ecf.Durable;

/// <summary>How to start an orchestration: a caller-chosen instance id (default: a new GUID) and an optional delayed start.</summary>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
