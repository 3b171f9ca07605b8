using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// Checks every timer function at start; each failure names its setting, so a bad schedule stops the app. A timer may start
/// what an operator may start by hand (<see cref="EcfOrchestrations.StartableOverHttp"/>), with an input of the same shape.
/// </summary>
public sealed partial class TimerFunctionsOptionsValidator : IValidateOptions<TimerFunctionsOptions>
{
    public ValidateOptionsResult Validate(string? name, TimerFunctionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (functionName, function) in options.Functions)
        {
            var prefix = $"{TimerFunctionsOptions.SectionName}:{functionName}";
            if (!FunctionName().IsMatch(functionName))
            {
                failures.Add($"{prefix}: '{functionName}' is not a valid timer function name (a letter, then up to 63 letters, digits, '-' or '_').");
            }

            if (!TimerSchedule.TryParse(function.Schedule, out _, out var error))
            {
                failures.Add($"{prefix}:Schedule: {error}");
            }

            if (string.IsNullOrWhiteSpace(function.Orchestration))
            {
                failures.Add($"{prefix}:Orchestration is required: the name of the orchestration to start.");
            }
            else if (!EcfOrchestrations.StartableOverHttp.TryGetValue(function.Orchestration, out var shape))
            {
                failures.Add($"{prefix}:Orchestration: no orchestration named '{function.Orchestration}' can be started by a timer.");
            }
            else if (shape.Check(function.Orchestration, ParseInput(function.Input)) is { } badInput)
            {
                failures.Add($"{prefix}:Input: {badInput.Detail} ({badInput.Code})");
            }

            if (function.Disabled is not null && !bool.TryParse(function.Disabled, out _))
            {
                failures.Add($"{prefix}:Disabled must be true or false, not '{function.Disabled}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The input to pass: the configured JSON, or the text as a JSON string when it is not JSON; null when absent.</summary>
    public static JsonElement? ParseInput(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(input);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(input);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex FunctionName();
}
