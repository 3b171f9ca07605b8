namespace Ecf.Orchestrations.Timers;

/// <summary>
/// Timer functions from configuration, one subsection per function:
/// <code>
/// "TimerFunctions": {
///   "GiasNightlyImport": { "Schedule": "0 0 2 * * *", "Orchestration": "GiasImport", "Input": "{\"full\":false}" }
/// }
/// </code>
/// <c>Schedule</c> is an NCRONTAB expression in UTC (<see cref="TimerSchedule"/>); <c>Orchestration</c> a registered
/// orchestrator; <c>Input</c> optional JSON (text that is not JSON is passed as a string); <c>Disabled</c> optional.
/// </summary>
public sealed class TimerFunctionsOptions
{
    public const string SectionName = "TimerFunctions";

    /// <summary>The functions by name (the configuration key).</summary>
    public Dictionary<string, TimerFunctionOptions> Functions { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class TimerFunctionOptions
{
    public string? Schedule { get; set; }

    public string? Orchestration { get; set; }

    public string? Input { get; set; }

    /// <summary>"true" or "false" as configured; anything else fails validation.</summary>
    public string? Disabled { get; set; }

    public bool IsDisabled => bool.TryParse(Disabled, out var disabled) && disabled;
}
