namespace Ecf.Functions.Sandbox;

/// <summary>
/// The process clock: the real clock, unless the current request (async flow) has set an override through
/// <see cref="SandboxClockMiddleware"/>. The override is frozen for the request, so every time read in it agrees.
/// Timers and timestamps (elapsed-time measurement) always use the real clock.
/// </summary>
public sealed class SandboxTimeProvider(TimeProvider inner) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _override = new();

    public override DateTimeOffset GetUtcNow() => _override.Value ?? inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Sets "now" for the current async flow until the returned scope is disposed.</summary>
    public IDisposable Override(DateTimeOffset now)
    {
        var previous = _override.Value;
        _override.Value = now.ToUniversalTime();
        return new Scope(this, previous);
    }

    private sealed class Scope(SandboxTimeProvider owner, DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => owner._override.Value = previous;
    }
}
