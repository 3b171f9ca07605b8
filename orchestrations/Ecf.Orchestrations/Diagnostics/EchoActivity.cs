using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Diagnostics;

/// <summary>Replies "pong: message", or fails when asked to.</summary>
public sealed class EchoActivity : TaskActivity<EchoInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, EchoInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Fail)
        {
            throw new InvalidOperationException($"Echo was asked to fail (message '{input.Message}').");
        }

        return Task.FromResult("pong: " + input.Message);
    }
}

public sealed record EchoInput(string Message, bool Fail = false);
