namespace Ecf.Durable;

/// <summary>The orchestration that started a sub-orchestration.</summary>
public sealed record ParentOrchestrationInstance(TaskName Name, string InstanceId);
