using Microsoft.Extensions.Time.Testing;

namespace Ecf.TestKit;

/// <summary>
/// The clock a test sets (<see cref="FakeTimeProvider.SetUtcNow"/>, <see cref="FakeTimeProvider.Advance"/>) for "now", while
/// timers and timestamps stay real: the hosts under test (the provider-view projector, timer functions, durable polling)
/// wait with <see cref="Task.Delay(TimeSpan, TimeProvider)"/> and would never wake on a clock that only moves by hand.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : FakeTimeProvider(now)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;
}
