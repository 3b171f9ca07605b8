namespace Ecf.Durable;

/// <summary>The name (and optional version) of an orchestrator or activity, as written into history. Use string constants.</summary>
public readonly record struct TaskName
{
    public TaskName(string name, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Version = version ?? string.Empty;
    }

    public string Name { get; }

    public string Version { get; }

    public static implicit operator TaskName(string name) => new(name);

    public static TaskName FromString(string name) => new(name);

    public override string ToString() => string.IsNullOrEmpty(Version) ? Name ?? string.Empty : $"{Name}:{Version}";
}
