namespace Ecf.Domain.People;

/// <summary>One field's change in a timeline event: its path, the value before (null if none) and after (null if removed).</summary>
public sealed record FieldChange(string Path, string? From, string? To);
