using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// An NCRONTAB schedule as Azure Functions' timer trigger reads it: six fields, <c>second minute hour day month day-of-week</c>,
/// each <c>*</c>, a value, a range <c>a-b</c>, a step (<c>*/n</c>, <c>a-b/n</c>, <c>a/n</c> = a to the end by n) or a comma list of
/// those. Months and days of the week may be named (<c>Jan</c> or <c>January</c>, <c>Mon</c> or <c>Monday</c>, any case);
/// Sunday is 0 and days of the week run 0 to 6. As in NCrontab (which Azure Functions uses), a day must match both the
/// day-of-month and the day-of-week fields (<c>0 0 0 13 * Fri</c> is every Friday the 13th). Times are UTC.
/// </summary>
public sealed class CronSchedule
{
    private static readonly Field Second = new("second", 0, 59, null);
    private static readonly Field Minute = new("minute", 0, 59, null);
    private static readonly Field Hour = new("hour", 0, 23, null);
    private static readonly Field DayOfMonth = new("day-of-month", 1, 31, null);
    private static readonly Field Month = new("month", 1, 12, ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);
    private static readonly Field DayOfWeek = new("day-of-week", 0, 6, ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
    private static readonly Field[] Fields = [Second, Minute, Hour, DayOfMonth, Month, DayOfWeek];
    private static readonly int[] MaxDaysInMonth = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Windows to look back in for the latest occurrence, smallest first, so dense schedules are walked over a short span.</summary>
    private static readonly TimeSpan[] LookBack = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(3653)];

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private CronSchedule(string expression, bool[][] values)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Parses an expression; throws <see cref="FormatException"/> naming the field at fault.</summary>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string? expression, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "An NCRONTAB expression is required: six fields, second minute hour day month day-of-week (for example '0 0 6 * * *').";
            return false;
        }

        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            error = $"'{expression}' is not a valid NCRONTAB expression: it has {parts.Length} field{(parts.Length == 1 ? "" : "s")}, "
                + "and needs six: second minute hour day month day-of-week (for example '0 0 6 * * *').";
            return false;
        }

        var values = new bool[Fields.Length][];
        for (var i = 0; i < Fields.Length; i++)
        {
            if (!Fields[i].TryParse(parts[i], out values[i], out var reason))
            {
                error = $"'{expression}' is not a valid NCRONTAB expression: the {Fields[i].Name} field '{parts[i]}' {reason}";
                return false;
            }
        }

        var possible = false;
        for (var month = 1; month <= 12 && !possible; month++)
        {
            for (var day = 1; day <= MaxDaysInMonth[month] && !possible; day++)
            {
                possible = values[4][month] && values[3][day];
            }
        }

        if (!possible)
        {
            error = $"'{expression}' is not a valid NCRONTAB expression: the day-of-month field '{parts[3]}' never falls in the months of the month field '{parts[4]}', so it never occurs.";
            return false;
        }

        schedule = new CronSchedule(expression, values);
        error = null;
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) =>
        TryGetNextOccurrence(after) ?? throw new InvalidOperationException($"The schedule '{Expression}' has no occurrence after {after:O} before the year 10000.");

    /// <summary>The latest occurrence in (<paramref name="after"/>, <paramref name="atOrBefore"/>], or null when there is none.</summary>
    public DateTimeOffset? GetLatestOccurrence(DateTimeOffset after, DateTimeOffset atOrBefore)
    {
        if (atOrBefore <= after)
        {
            return null;
        }

        foreach (var window in LookBack.Append(TimeSpan.MaxValue))
        {
            var from = window == TimeSpan.MaxValue || atOrBefore - after <= window ? after : atOrBefore - window;
            if (TryGetNextOccurrence(from) is { } first && first <= atOrBefore)
            {
                var latest = first;
                while (TryGetNextOccurrence(latest) is { } next && next <= atOrBefore)
                {
                    latest = next;
                }

                return latest;
            }

            if (from == after)
            {
                return null;
            }
        }

        return null;
    }

    public override string ToString() => Expression;

    private DateTimeOffset? TryGetNextOccurrence(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        if (utc.Year >= 9999)
        {
            return null;
        }

        var t = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(1);
        while (t.Year < 9999)
        {
            if (!_months[t.Month])
            {
                var month = NextSet(_months, t.Month + 1, 12);
                t = month > 0 ? new DateTime(t.Year, month, 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(t.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                continue;
            }

            if (!_days[t.Day] || !_daysOfWeek[(int)t.DayOfWeek])
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (!_hours[t.Hour])
            {
                var hour = NextSet(_hours, t.Hour + 1, 23);
                t = hour >= 0 ? t.Date.AddHours(hour) : t.Date.AddDays(1);
                continue;
            }

            var hourStart = t.Date.AddHours(t.Hour);
            if (!_minutes[t.Minute])
            {
                var minute = NextSet(_minutes, t.Minute + 1, 59);
                t = minute >= 0 ? hourStart.AddMinutes(minute) : hourStart.AddHours(1);
                continue;
            }

            var minuteStart = hourStart.AddMinutes(t.Minute);
            if (!_seconds[t.Second])
            {
                var second = NextSet(_seconds, t.Second + 1, 59);
                t = second >= 0 ? minuteStart.AddSeconds(second) : minuteStart.AddMinutes(1);
                continue;
            }

            return new DateTimeOffset(t, TimeSpan.Zero);
        }

        return null;
    }

    /// <summary>The first set index in [from, to], or -1.</summary>
    private static int NextSet(bool[] values, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (values[i])
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Field(string name, int min, int max, string[]? names)
    {
        public string Name { get; } = name;

        /// <summary>Parses one field into a table indexed by value; <paramref name="reason"/> completes "the X field 'text' ...".</summary>
        public bool TryParse(string text, out bool[] values, [NotNullWhen(false)] out string? reason)
        {
            values = new bool[max + 1];
            foreach (var item in text.Split(','))
            {
                if (!TryParseItem(item, values, out reason))
                {
                    return false;
                }
            }

            reason = null;
            return true;
        }

        private bool TryParseItem(string item, bool[] values, [NotNullWhen(false)] out string? reason)
        {
            if (item.Length == 0)
            {
                reason = "has an empty list item.";
                return false;
            }

            var step = 1;
            var range = item;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                range = item[..slash];
                var stepText = item[(slash + 1)..];
                if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max - min + 1)
                {
                    reason = $"has a step '{stepText}' that is not a whole number from 1 to {max - min + 1}.";
                    return false;
                }
            }

            int first;
            int last;
            if (range == "*")
            {
                (first, last) = (min, max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                if (dash >= 0)
                {
                    if (!TryParseValue(range[..dash], out first, out reason) || !TryParseValue(range[(dash + 1)..], out last, out reason))
                    {
                        return false;
                    }

                    if (first > last)
                    {
                        reason = $"has a range '{range}' that runs backwards.";
                        return false;
                    }
                }
                else
                {
                    if (!TryParseValue(range, out first, out reason))
                    {
                        return false;
                    }

                    last = slash >= 0 ? max : first;
                }
            }

            for (var v = first; v <= last; v += step)
            {
                values[v] = true;
            }

            reason = null;
            return true;
        }

        private bool TryParseValue(string text, out int value, [NotNullWhen(false)] out string? reason)
        {
            if (text.Length > 0 && char.IsAsciiDigit(text[0]))
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
                {
                    reason = null;
                    return true;
                }

                reason = $"has '{text}', out of range: {Name} values are {min} to {max}{(Name == "day-of-week" ? " (Sunday is 0)" : "")}.";
                return false;
            }

            if (names is not null && text.Length >= 3)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (names[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
                    {
                        value = min + i;
                        reason = null;
                        return true;
                    }
                }
            }

            value = 0;
            reason = names is null
                ? $"has '{text}', which is not a number from {min} to {max}."
                : $"has '{text}', which is neither a number from {min} to {max} nor a name ({string.Join(", ", names.Select(n => n[..3]))}, or in full).";
            return false;
        }
    }
}
