using System.Globalization;
using System.Text.RegularExpressions;
using Ecf.Application.Errors;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>Checks of what callers send: instance ids, statuses and dates. Each failure is a 400 naming the parameter.</summary>
public static partial class OrchestrationRequest
{
    /// <summary>Instance ids of timer functions; callers may not take them.</summary>
    public const string ReservedPrefix = "timer:";

    public const int MaxInstanceIdLength = 200;

    /// <summary>The statuses callers see and filter on (Microsoft.DurableTask names; ContinuedAsNew is never shown).</summary>
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> Statuses =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>The runtime's rule for instance ids (it stores each in a document partition), checked before anything is done.</summary>
    public static ApiError? ValidateInstanceId(string? instanceId, string parameter = "instanceId")
    {
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Length > MaxInstanceIdLength || instanceId[0] == '~'
            || instanceId.Any(c => char.IsControl(c) || c is '/' or '\\' or '?' or '#'))
        {
            return ApiError.BadParameter(
                $"{parameter} '{instanceId}' is not a valid instance id: 1 to {MaxInstanceIdLength} characters, none of / \\ ? # or control characters, not starting with ~.");
        }

        return null;
    }

    /// <summary>A caller-chosen id for a new instance: valid, and not in the timer functions' range.</summary>
    public static ApiError? ValidateNewInstanceId(string instanceId) =>
        ValidateInstanceId(instanceId) ?? (instanceId.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)
            ? ApiError.BadParameter($"instanceId '{instanceId}' starts with '{ReservedPrefix}', which is reserved for timer functions.")
            : null);

    /// <summary>Comma-separated or repeated status names, any case.</summary>
    public static bool TryParseStatuses(IEnumerable<string?> values, out List<OrchestrationRuntimeStatus> statuses, out ApiError? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        statuses = [];
        error = null;
        foreach (var value in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var status = Statuses.Where(s => string.Equals(s.ToString(), value, StringComparison.OrdinalIgnoreCase)).Select(s => (OrchestrationRuntimeStatus?)s).FirstOrDefault();
            if (status is null)
            {
                error = ApiError.BadParameter($"runtimeStatus '{value}' is not a runtime status. Use {string.Join(", ", Statuses)} (comma-separated for several).");
                return false;
            }

            statuses.Add(status.Value);
        }

        return true;
    }

    /// <summary>An ISO 8601 / RFC 3339 date or date and time; without an offset it is UTC.</summary>
    public static bool TryParseDate(string? value, string parameter, out DateTimeOffset? date, out ApiError? error)
    {
        date = null;
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (IsoDate().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            date = parsed;
            return true;
        }

        error = ApiError.BadParameter($"{parameter} '{value}' is not a date and time (ISO 8601, for example 2025-03-01T06:00:00Z).");
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex IsoDate();
}
