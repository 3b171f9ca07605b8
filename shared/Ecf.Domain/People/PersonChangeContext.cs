namespace Ecf.Domain.People;

/// <summary>Who makes a change, when it is recorded, why, and the request or run it belongs to.</summary>
public sealed record PersonChangeContext(DateTimeOffset At, Actor Actor, string CorrelationId, string? Reason = null)
{
    /// <summary>The calendar day of <see cref="At"/> (UTC), the "today" of date rules.</summary>
    public DateOnly Today => DateOnly.FromDateTime(At.UtcDateTime);
}
