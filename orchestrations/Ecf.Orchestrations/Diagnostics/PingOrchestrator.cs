using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Diagnostics;

/// <summary>
/// A round trip through the durable runtime: optionally waits on a durable timer, then calls <see cref="EchoActivity"/> once
/// and returns its reply. Operators start it over HTTP to check that hosts pick up work; <c>fail</c> proves failure reporting.
/// </summary>
public sealed class PingOrchestrator : TaskOrchestrator<PingInput?, PingOutput>
{
    /// <summary>The longest wait a ping may ask for.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    public override async Task<PingOutput> RunAsync(TaskOrchestrationContext context, PingInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input ??= new PingInput();
        if (input.DelaySeconds > 0)
        {
            context.SetCustomStatus(new PingProgress("waiting"));
            var delay = TimeSpan.FromSeconds(Math.Min(input.DelaySeconds, MaxDelay.TotalSeconds));
            await context.CreateTimer(context.CurrentUtcDateTime.Add(delay), CancellationToken.None);
        }

        context.SetCustomStatus(new PingProgress("echoing"));
        var reply = await context.CallActivityAsync<string>(ActivityNames.Echo, new EchoInput(input.Message ?? "ping", input.Fail));
        context.SetCustomStatus(new PingProgress("done"));
        return new PingOutput(reply, context.InstanceId);
    }
}

/// <param name="Message">Echoed back (default "ping").</param>
/// <param name="Fail">The activity throws, so the instance ends Failed with details.</param>
/// <param name="DelaySeconds">A durable timer first (at most a day); lets an operator see a Running instance or terminate it.</param>
public sealed record PingInput(string? Message = null, bool Fail = false, int DelaySeconds = 0)
{
    public static InputShape Shape { get; } = new(
        InputField.Text("message", 1000),
        InputField.Flag("fail"),
        InputField.WholeNumber("delaySeconds", 0, (int)PingOrchestrator.MaxDelay.TotalSeconds));
}

public sealed record PingOutput(string Reply, string InstanceId);

/// <summary>The custom status: which step the ping is at.</summary>
public sealed record PingProgress(string Step);
