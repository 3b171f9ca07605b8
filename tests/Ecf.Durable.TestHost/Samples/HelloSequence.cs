namespace Ecf.Durable.Samples;

/// <summary>Calls <see cref="SayHello"/> for three cities, one after the other, and returns the greetings.</summary>
public sealed class HelloSequence : TaskOrchestrator<string?, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, string? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.CreateReplaySafeLogger<HelloSequence>();
        var greetings = new List<string>();
        foreach (var city in new[] { "Tokyo", "Seattle", "London" })
        {
            greetings.Add(await context.CallActivityAsync<string>(SampleNames.SayHello, city));
            context.SetCustomStatus(new { done = greetings.Count });
        }

        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Said hello {Count} times.", greetings.Count);
        return greetings;
    }
}

public sealed class SayHello : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello {input}!");
}
