namespace Ecf.Durable;

/// <summary>How many instances a purge removed (0 when the instance does not exist or has not finished).</summary>
public sealed record PurgeResult(int PurgedInstanceCount);
