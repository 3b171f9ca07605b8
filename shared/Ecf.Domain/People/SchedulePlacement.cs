using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.People;

/// <summary>The schedule a registration gets (docs/domain.md#schedules, RECT <c>Schedules::Find</c>).</summary>
public static class SchedulePlacement
{
    /// <summary>The month from max(start, today): June–October September, November–February January, March–May April.</summary>
    public static ScheduleMonth MonthFor(DateOnly start, DateOnly today)
    {
        var date = start > today ? start : today;
        return date.Month switch
        {
            >= 6 and <= 10 => ScheduleMonth.September,
            11 or 12 or 1 or 2 => ScheduleMonth.January,
            _ => ScheduleMonth.April,
        };
    }

    /// <summary><c>ecf-standard-&lt;month&gt;</c>, or <c>ecf-extended-&lt;month&gt;</c> when moved out of a frozen year.</summary>
    public static ScheduleIdentifier For(DateOnly start, DateOnly today, bool movedFromFrozen) =>
        new(movedFromFrozen ? ScheduleType.Extended : ScheduleType.Standard, MonthFor(start, today));
}
