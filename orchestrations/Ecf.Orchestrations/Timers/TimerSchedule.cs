using System.Diagnostics.CodeAnalysis;
using NCrontab;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// A timer function's NCRONTAB schedule as Azure Functions' timer trigger reads it (six fields,
/// <c>second minute hour day month day-of-week</c>, UTC), parsed by NCrontab, the library the Functions host uses.
/// </summary>
public sealed class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    /// <summary>A schedule with no occurrence in the ten years before this never occurs.</summary>
    private static readonly DateTimeOffset NeverAfter = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly CrontabSchedule _schedule;

    private TimerSchedule(string expression, CrontabSchedule schedule) => (Expression, _schedule) = (expression, schedule);

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Parses an expression; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static TimerSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string? expression, [NotNullWhen(true)] out TimerSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        error = null;
        var example = "six fields, second minute hour day month day-of-week (for example '0 0 6 * * *')";
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = $"An NCRONTAB expression is required: {example}.";
            return false;
        }

        try
        {
            var parsed = new TimerSchedule(expression, CrontabSchedule.Parse(expression, SixFields));
            if (parsed.GetNextOccurrence(NeverAfter.AddYears(-10)) > NeverAfter)
            {
                error = $"'{expression}' never occurs (for example the 30th of February).";
                return false;
            }

            schedule = parsed;
            return true;
        }
        catch (CrontabException ex)
        {
            error = $"'{expression}' is not a valid NCRONTAB expression ({ex.Message.TrimEnd('.')}): it needs {example}.";
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    /// <summary>
    /// The latest occurrence in (<paramref name="after"/>, <paramref name="atOrBefore"/>], or null. Looks back over a window that
    /// doubles from one second, so a dense schedule is walked over a short span and a sparse one found in a few steps.
    /// </summary>
    public DateTimeOffset? GetLatestOccurrence(DateTimeOffset after, DateTimeOffset atOrBefore)
    {
        if (atOrBefore <= after)
        {
            return null;
        }

        for (var window = TimeSpan.FromSeconds(1); ; window += window)
        {
            var from = atOrBefore - window < after ? after : atOrBefore - window;
            var next = GetNextOccurrence(from);
            if (next <= atOrBefore)
            {
                for (var later = GetNextOccurrence(next); later <= atOrBefore; later = GetNextOccurrence(later))
                {
                    next = later;
                }

                return next;
            }

            if (from == after)
            {
                return null;
            }
        }
    }

    public override string ToString() => Expression;
}
