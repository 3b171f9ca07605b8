namespace Ecf.Domain.ReferenceData;

/// <summary>The kind of an ECF schedule, the middle part of its identifier.</summary>
public enum ScheduleType
{
    Standard,
    Reduced,
    Extended,
    Replacement,
}
