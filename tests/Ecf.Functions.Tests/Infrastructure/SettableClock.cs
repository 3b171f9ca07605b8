namespace Ecf.Functions.Tests.Infrastructure;

/// <summary>A clock a test moves by hand (the real clock's timers and timestamps otherwise).</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
