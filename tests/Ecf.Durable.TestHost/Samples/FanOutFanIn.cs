namespace Ecf.Durable.Samples;

/// <summary>Squares 1..n in parallel activities and returns the sum of squares.</summary>
public sealed class FanOutFanIn : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tasks = new List<Task<long>>(input);
        for (var i = 1; i <= input; i++)
        {
            tasks.Add(context.CallActivityAsync<long>(SampleNames.Square, i));
        }

        var results = await Task.WhenAll(tasks);
        return results.Sum();
    }
}

public sealed class Square : TaskActivity<long, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, long input)
    {
        SampleHooks.ActivityDone();
        return Task.FromResult(input * input);
    }
}
