using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Ecf.LocalRuntime.Tests;

/// <summary>Orchestrators and activities the tests run on the local runtime, registered by string-constant names.</summary>
public static class Samples
{
    public const string Chain = nameof(Chain);
    public const string FanOut = nameof(FanOut);
    public const string Progress = nameof(Progress);
    public const string RetryUntilSuccess = nameof(RetryUntilSuccess);
    public const string RetryExhausted = nameof(RetryExhausted);
    public const string Countdown = nameof(Countdown);
    public const string WaitForGo = nameof(WaitForGo);
    public const string AddOne = nameof(AddOne);
    public const string Square = nameof(Square);
    public const string FailTimes = nameof(FailTimes);

    /// <summary>Attempts of <see cref="FailTimes"/> per instance id.</summary>
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ChainOrchestrator>();
        registry.AddOrchestrator<FanOutOrchestrator>();
        registry.AddActivity<AddOneActivity>();
        registry.AddActivity<SquareActivity>();
        registry.AddOrchestratorFunc<string, string>(Progress, async (context, name) =>
        {
            context.SetCustomStatus(new ProgressStatus("waiting", 0));
            var go = await context.WaitForExternalEvent<int>("go");
            context.SetCustomStatus(new ProgressStatus("done", go));
            return $"{name}:{go}";
        });
        registry.AddOrchestratorFunc<int, int>(RetryUntilSuccess, (context, failures) =>
            context.CallActivityAsync<int>(FailTimes, failures, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(500)))));
        registry.AddOrchestratorFunc<int, int>(RetryExhausted, (context, failures) =>
            context.CallActivityAsync<int>(FailTimes, failures, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(500)))));
        registry.AddActivityFunc<int, int>(FailTimes, (context, failures) =>
        {
            var attempt = Attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
            return attempt <= failures ? throw new InvalidOperationException($"attempt {attempt} fails") : attempt;
        });
        registry.AddOrchestratorFunc<CountdownState, CountdownState>(Countdown, (context, state) =>
        {
            if (state.Remaining > 0)
            {
                context.ContinueAsNew(new CountdownState(state.Remaining - 1, state.Generations + 1));
                return Task.FromResult(state);
            }

            return Task.FromResult(state);
        });
        registry.AddOrchestratorFunc<string, string>(WaitForGo, async (context, _) => await context.WaitForExternalEvent<string>("go"));
    }

    public sealed record ProgressStatus(string Stage, int Value);

    public sealed record CountdownState(int Remaining, int Generations);

    [DurableTask(Chain)]
    public sealed class ChainOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            ArgumentNullException.ThrowIfNull(context);
            var value = 0;
            for (var i = 0; i < input; i++)
            {
                value = await context.CallActivityAsync<int>(AddOne, value);
            }

            return value;
        }
    }

    [DurableTask(FanOut)]
    public sealed class FanOutOrchestrator : TaskOrchestrator<int, long>
    {
        public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
        {
            ArgumentNullException.ThrowIfNull(context);
            var squares = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<long>(Square, i)));
            return squares.Sum();
        }
    }

    [DurableTask(AddOne)]
    public sealed class AddOneActivity : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
    }

    [DurableTask(Square)]
    public sealed class SquareActivity : TaskActivity<int, long>
    {
        public override Task<long> RunAsync(TaskActivityContext context, int input) => Task.FromResult((long)input * input);
    }
}
