namespace Ecf.Durable.Samples;

public sealed record ChainInput(int Steps, long Seed);

public sealed record MixInput(long Value, int Step);

/// <summary>A sequence: each step's activity mixes the previous value; the output depends on every step, in order.</summary>
public sealed class Chain : TaskOrchestrator<ChainInput, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, ChainInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var value = input.Seed;
        for (var step = 0; step < input.Steps; step++)
        {
            value = await context.CallActivityAsync<long>(SampleNames.Mix, new MixInput(value, step));
        }

        return value;
    }

    /// <summary>What an uninterrupted run returns.</summary>
    public static long Expected(ChainInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = input.Seed;
        for (var step = 0; step < input.Steps; step++)
        {
            value = MixActivity.Compute(new MixInput(value, step));
        }

        return value;
    }
}

public sealed class MixActivity : TaskActivity<MixInput, long>
{
    public static long Compute(MixInput input) => ((input?.Value ?? 0) * 31 + (input?.Step ?? 0) + 7) % 1_000_000_007;

    public override Task<long> RunAsync(TaskActivityContext context, MixInput input)
    {
        SampleHooks.ActivityDone();
        return Task.FromResult(Compute(input));
    }
}
