namespace Ecf.Domain.ReferenceData;

/// <summary>The term an ECF schedule starts in, the last part of its identifier.</summary>
public enum ScheduleMonth
{
    September,
    January,
    April,
}
