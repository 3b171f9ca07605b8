namespace Ecf.Durable.Samples;

public sealed record FanOutInput(int Total, int BatchSize);

public sealed record BatchInput(int First, int Count);

/// <summary>Sum of squares of 1..Total through sub-orchestrations of at most BatchSize activities each (the recommended fan-out shape).</summary>
public sealed class FanOutTree : TaskOrchestrator<FanOutInput, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, FanOutInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var batches = new List<Task<long>>();
        for (var first = 1; first <= input.Total; first += input.BatchSize)
        {
            var count = Math.Min(input.BatchSize, input.Total - first + 1);
            batches.Add(context.CallSubOrchestratorAsync<long>(
                SampleNames.FanOutBatch,
                new BatchInput(first, count),
                new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:batch:{first}")));
        }

        var sums = await Task.WhenAll(batches);
        return sums.Sum();
    }

    public static long Expected(int total)
    {
        long sum = 0;
        for (long i = 1; i <= total; i++)
        {
            sum += i * i;
        }

        return sum;
    }
}

public sealed class FanOutBatch : TaskOrchestrator<BatchInput, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, BatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var tasks = new Task<long>[input.Count];
        for (var i = 0; i < input.Count; i++)
        {
            tasks[i] = context.CallActivityAsync<long>(SampleNames.Square, (long)(input.First + i));
        }

        var results = await Task.WhenAll(tasks);
        return results.Sum();
    }
}
