using System.Collections.Concurrent;
using Ecf.Durable.Engine;
using Ecf.Durable.Samples;
using Ecf.Storage;

namespace Ecf.Durable.Tests.Engine;

public sealed class OrchestrationFeatureTests
{
    private static readonly ConcurrentDictionary<string, int> Attempts = new(StringComparer.Ordinal);

    [Fact]
    public async Task CreateTimer_TimeAdvancesPastFireTime_FiresAndCurrentTimeComesFromHistory()
    {
        var time = new OffsetTimeProvider();
        await using var harness = await DurableHarness.StartAsync(r => r.AddOrchestratorFunc<object?, DateTime[]>("Timer", async (ctx, _) =>
        {
            var before = ctx.CurrentUtcDateTime;
            var fireAt = before.AddMinutes(10);
            await ctx.CreateTimer(fireAt, CancellationToken.None);
            return [before, fireAt, ctx.CurrentUtcDateTime];
        }), time: time);

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Timer", new StartOrchestrationOptions("timer-1"));
        await WaitForHistoryAsync(harness, id, HistoryEventKind.TimerCreated);
        var waiting = await harness.Client.GetInstanceAsync(id);
        time.Advance(TimeSpan.FromMinutes(11));
        var result = await harness.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var times = result.ReadOutputAs<DateTime[]>()!;
        Assert.True(times[2] >= times[1], $"After the timer the orchestration's time {times[2]:o} is before the fire time {times[1]:o}.");
    }

    [Fact]
    public async Task WaitForExternalEvent_EventRaised_ReturnsPayload()
    {
        await using var harness = await DurableHarness.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Approval", async (ctx, _) =>
        {
            var first = await ctx.WaitForExternalEvent<string>("Approval");
            var second = await ctx.WaitForExternalEvent<string>("approval");
            return first + "+" + second;
        }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Approval", new StartOrchestrationOptions("approval-1"));
        await harness.Client.WaitForInstanceStartAsync(id);
        await harness.Client.RaiseEventAsync(id, "APPROVAL", "yes");
        await harness.Client.RaiseEventAsync(id, "Approval", "again");
        var result = await harness.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("yes+again", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimeoutElapses_ThrowsTaskCanceledIntoOrchestrator()
    {
        var time = new OffsetTimeProvider();
        await using var harness = await DurableHarness.StartAsync(r => r.AddOrchestratorFunc<object?, string>("EventTimeout", async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>("Never", TimeSpan.FromMinutes(5));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        }), time: time);

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("EventTimeout", new StartOrchestrationOptions("timeout-1"));
        await WaitForHistoryAsync(harness, id, HistoryEventKind.TimerCreated);
        time.Advance(TimeSpan.FromMinutes(6));
        var result = await harness.WaitAsync(id);

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RetryPolicy_ActivityFailsTwice_ThirdAttemptSucceeds()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Flaky", (_, k) => Attempts.AddOrUpdate(k, 1, (_, n) => n + 1) < 3 ? throw new InvalidOperationException("not yet") : "done")
            .AddOrchestratorFunc<string, string>("Retrying", (ctx, k) =>
                ctx.CallActivityAsync<string>("Flaky", k, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(20), 2.0)))));

        var result = await harness.RunAsync("Retrying", key);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("done", result.ReadOutputAs<string>());
        Assert.Equal(3, Attempts[key]);
        var history = await harness.HistoryAsync(result.InstanceId);
        Assert.Equal(2, history.Count(e => e.Kind == HistoryEventKind.TimerCreated));
    }

    [Fact]
    public async Task RetryPolicy_LastAttemptFails_OrchestratorGetsTaskFailedExceptionWithDetails()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("AlwaysFails", (_, k) =>
            {
                Attempts.AddOrUpdate(k, 1, (_, n) => n + 1);
                return Throw<string>(new InvalidOperationException("broken for good"));
            })
            .AddOrchestratorFunc<string, string>("GivesUp", async (ctx, k) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("AlwaysFails", k, new TaskOptions(new RetryPolicy(3, TimeSpan.FromMilliseconds(10))));
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}";
                }
            }));

        var result = await harness.RunAsync("GivesUp", key);

        Assert.Equal("AlwaysFails|System.InvalidOperationException|broken for good|True", result.ReadOutputAs<string>());
        Assert.Equal(3, Attempts[key]);
    }

    [Fact]
    public async Task UnhandledFailure_ActivityThrows_InstanceFailedWithDetails()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Boom", (_, _) => Throw<string>(new InvalidOperationException("boom")))
            .AddOrchestratorFunc<object?, string>("Unhandled", (ctx, _) => ctx.CallActivityAsync<string>("Boom", "x")));

        var result = await harness.RunAsync("Unhandled", null);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("Boom", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException", result.FailureDetails.InnerFailure!.ErrorType);
        Assert.Equal("boom", result.FailureDetails.InnerFailure.ErrorMessage);
    }

    [Fact]
    public async Task UnhandledFailure_OrchestratorThrows_InstanceFailedWithExceptionType()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Throws", (_, _) => Throw<string>(new ArgumentException("bad input"))));

        var result = await harness.RunAsync("Throws", null);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("System.ArgumentException", result.FailureDetails!.ErrorType);
        Assert.Equal("bad input", result.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task SubOrchestration_ChildFails_ParentGetsTaskFailedException()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("FailingChild", (_, _) => Throw<string>(new InvalidOperationException("child broke")))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("FailingChild");
                }
                catch (TaskFailedException ex)
                {
                    return "caught: " + ex.FailureDetails.ErrorMessage;
                }
            }));

        var result = await harness.RunAsync("Parent", null);

        Assert.Equal("caught: child broke", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SubOrchestration_SameChildIdTwice_FinishedChildRestartedAndRunningChildRefused()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddOrchestratorFunc<string, string>("EchoChild", (_, s) => s)
            .AddOrchestratorFunc<object?, string>("WaitingChild", (ctx, _) => ctx.WaitForExternalEvent<string>("never"))
            .AddOrchestratorFunc<object?, string>("ReusesChild", async (ctx, _) =>
            {
                var first = await ctx.CallSubOrchestratorAsync<string>("EchoChild", "a", new SubOrchestrationOptions(instanceId: "reused-child"));
                var second = await ctx.CallSubOrchestratorAsync<string>("EchoChild", "b", new SubOrchestrationOptions(instanceId: "reused-child"));
                var busy = ctx.CallSubOrchestratorAsync<string>("WaitingChild", null, new SubOrchestrationOptions(instanceId: "busy-child"));
                try
                {
                    await ctx.CallSubOrchestratorAsync<string>("EchoChild", "c", new SubOrchestrationOptions(instanceId: "busy-child"));
                    return "not refused";
                }
                catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<OrchestrationAlreadyExistsException>())
                {
                    _ = busy;
                    return first + second + " refused";
                }
            }));

        var result = await harness.RunAsync("ReusesChild", null);

        Assert.Equal("ab refused", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_ManyGenerations_CompletesAndHistoryStaysBounded()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
            {
                if (n >= 30)
                {
                    return n;
                }

                var next = await ctx.CallActivityAsync<int>("Inc", n);
                ctx.SetCustomStatus(next);
                ctx.ContinueAsNew(next);
                return -1;
            }));

        var result = await harness.RunAsync("Counter", 0, "counter-1");
        var history = await harness.HistoryAsync("counter-1");
        var documents = await harness.CountDocumentsAsync("counter-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(30, result.ReadOutputAs<int>());
        Assert.Equal(30, result.ReadCustomStatusAs<int>());
        Assert.True(history.Count <= 4, $"The last execution's history has {history.Count} events.");
        Assert.True(documents <= 4, $"The instance partition holds {documents} documents after 30 generations.");
    }

    [Fact]
    public async Task TerminateAndPurge_RunningInstance_TerminatedThenRemoved()
    {
        await using var harness = await DurableHarness.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Forever", (ctx, _) => ctx.WaitForExternalEvent<string>("never")));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Forever", new StartOrchestrationOptions("forever-1"));
        await harness.Client.WaitForInstanceStartAsync(id);
        var purgeWhileRunning = await harness.Client.PurgeInstanceAsync(id);
        await harness.Client.TerminateInstanceAsync(id, "stopped by test");
        var terminated = await harness.WaitAsync(id);
        var purged = await harness.Client.PurgeInstanceAsync(id);
        var after = await harness.Client.GetInstanceAsync(id);

        Assert.Equal(0, purgeWhileRunning.PurgedInstanceCount);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal("stopped by test", terminated.ReadOutputAs<string>());
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(after);
        Assert.Equal(0, await harness.CountDocumentsAsync(id));
    }

    [Fact]
    public async Task Schedule_InstanceIdRunning_RefusedAndFinishedIdCanBeReused()
    {
        await using var harness = await DurableHarness.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Singleton", (ctx, _) => ctx.WaitForExternalEvent<string>("go")));

        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Singleton", new StartOrchestrationOptions("only-one"));
        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            harness.Client.ScheduleNewOrchestrationInstanceAsync("Singleton", new StartOrchestrationOptions("only-one")));
        await harness.Client.RaiseEventAsync("only-one", "go", "first");
        var first = await harness.WaitAsync("only-one");
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Singleton", new StartOrchestrationOptions("only-one"));
        await harness.Client.RaiseEventAsync("only-one", "go", "second");
        var second = await harness.WaitAsync("only-one");

        Assert.Equal("only-one", refused.InstanceId);
        Assert.Equal("first", first.ReadOutputAs<string>());
        Assert.Equal("second", second.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Schedule_IdOfAFinishedInstanceOfAnotherOrchestrator_RefusedAndKeepsIt()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddOrchestratorFunc<string, string>("Keeper", (_, input) => Task.FromResult("kept " + input))
            .AddOrchestratorFunc<string, string>("Intruder", (_, input) => Task.FromResult("replaced by " + input)));
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Keeper", "report", new StartOrchestrationOptions("shared-id"));
        await harness.WaitAsync("shared-id");

        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            harness.Client.ScheduleNewOrchestrationInstanceAsync("Intruder", "ping", new StartOrchestrationOptions("shared-id")));
        var after = await harness.Client.GetInstanceAsync("shared-id", getInputsAndOutputs: true);

        Assert.Equal(("shared-id", "Keeper"), (refused.InstanceId, refused.ExistingOrchestration));
        Assert.Equal(("Keeper", OrchestrationRuntimeStatus.Completed, "kept report"), (after!.Name, after.RuntimeStatus, after.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_ThrowsAndStartsNothing()
    {
        await using var harness = await DurableHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchThing", new StartOrchestrationOptions("ghost")));

        Assert.Null(await harness.Client.GetInstanceAsync("ghost"));
    }

    [Fact]
    public async Task Replay_CodeAsksForDifferentActivity_FailsWithNonDeterminismError()
    {
        var variant = new StrongBox<string>("First");
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("First", (_, s) => s)
            .AddActivityFunc<string, string>("Second", (_, s) => s)
            .AddOrchestratorFunc<object?, string>("Changing", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>(variant.Value!, "x");
                return await ctx.WaitForExternalEvent<string>("continue");
            }));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Changing", new StartOrchestrationOptions("changing-1"));
        await WaitForHistoryAsync(harness, id, HistoryEventKind.TaskCompleted);
        variant.Value = "Second";
        await harness.Client.RaiseEventAsync(id, "continue", "now");
        var result = await harness.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("'First'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Second'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAllInstances_StatusAndCreatedFilters_ReturnsMatchingInstances()
    {
        await using var harness = await DurableHarness.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Waits", (ctx, _) => ctx.WaitForExternalEvent<string>("go")));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await harness.RunAsync(SampleNames.HelloSequence, null, "q-done-1");
        await harness.RunAsync(SampleNames.HelloSequence, null, "q-done-2");
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("q-running"));
        await harness.Client.WaitForInstanceStartAsync("q-running");

        var completed = await ToListAsync(harness.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed], FetchInputsAndOutputs: true)));
        var running = await ToListAsync(harness.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending])));
        var all = await ToListAsync(harness.Client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: before, PageSize: 2)));
        var none = await ToListAsync(harness.Client.GetAllInstancesAsync(new OrchestrationQuery(CreatedTo: before)));
        var prefixed = await ToListAsync(harness.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "q-done")));

        Assert.Equal(["q-done-1", "q-done-2"], completed.Select(m => m.InstanceId).Order());
        Assert.All(completed, m => Assert.NotNull(m.SerializedOutput));
        Assert.Equal(["q-running"], running.Select(m => m.InstanceId));
        Assert.Equal(3, all.Count);
        Assert.Empty(none);
        Assert.Equal(["q-done-1", "q-done-2"], prefixed.Select(m => m.InstanceId).Order());
    }

    [Fact]
    public async Task ActivityPoisonCap_HostDiesMidActivity_FailsAfterMaxDeliveries()
    {
        var time = new OffsetTimeProvider();
        var started = new TaskCompletionSource();
        await using var harness = await DurableHarness.StartAsync(
            r => r
                .AddActivityFunc<string, string>("Hangs", async (_, _) =>
                {
                    started.TrySetResult();
                    await Task.Delay(Timeout.Infinite);
                    return "never";
                })
                .AddOrchestratorFunc<object?, string>("Poisoned", (ctx, _) => ctx.CallActivityAsync<string>("Hangs", "x")),
            o => o.MaxActivityDeliveries = 1,
            time);

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Poisoned", new StartOrchestrationOptions("poison-activity"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using (var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await harness.Client.GetInstanceAsync(id);
            await StopFirstHostAsync(harness, stop.Token);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await harness.StartAnotherHostAsync();
        var result = await harness.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("ActivityDeliveriesExceeded", result.FailureDetails!.InnerFailure!.ErrorType);
    }

    [Fact]
    public async Task EpisodePoisonCap_LeaseClaimedTooOften_InstanceFailsWithDetails()
    {
        await using var harness = await DurableHarness.StartAsync(startHost: false);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(SampleNames.HelloSequence, new StartOrchestrationOptions("poison-episode"));
        var shard = InstanceIds.Shard(id, harness.Options.ShardCount);
        var lease = new LeaseDocument { Id = InstanceIds.Lease(id), InstanceId = shard, Target = id, Owner = "dead-host", LeaseUntil = 0, Attempts = harness.Options.MaxEpisodeAttempts };
        await harness.Container.UpsertAsync(shard, lease.Id, lease);

        await harness.StartHostAsync();
        var result = await harness.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("EpisodeAttemptsExceeded", result.FailureDetails!.ErrorType);
    }

    [Fact]
    public async Task NewGuidAndCurrentTime_Replayed_SameValuesEveryEpisode()
    {
        await using var harness = await DurableHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Echo", (_, s) => s)
            .AddOrchestratorFunc<object?, string[]>("Guids", async (ctx, _) =>
            {
                var first = ctx.NewGuid();
                var startedAt = ctx.CurrentUtcDateTime.ToString("o");
                var echoed = await ctx.CallActivityAsync<string>("Echo", first.ToString());
                var echoedTime = await ctx.CallActivityAsync<string>("Echo", startedAt);
                var second = ctx.NewGuid();
                await ctx.CallActivityAsync<string>("Echo", "y");
                return [first.ToString(), echoed, second.ToString(), ctx.IsReplaying.ToString(), startedAt, echoedTime];
            }));

        var result = (await harness.RunAsync("Guids", null)).ReadOutputAs<string[]>()!;

        Assert.Equal(result[0], result[1]);
        Assert.NotEqual(result[0], result[2]);
        Assert.Equal("False", result[3]);
        Assert.Equal(result[4], result[5]);
    }

    private static T Throw<T>(Exception exception) => throw exception;

    private static async Task StopFirstHostAsync(DurableHarness harness, CancellationToken token)
    {
        var field = typeof(DurableHarness).GetField("_hosts", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var hosts = (List<DurableTaskHost>)field.GetValue(harness)!;
        await hosts[0].StopAsync(token);
    }

    private static async Task WaitForHistoryAsync(DurableHarness harness, string instanceId, HistoryEventKind kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await harness.Container.ReadAsync(instanceId, InstanceIds.InstanceDocId, timeout.Token);
            if (instance is not null && instance.As<InstanceDocument>().ChunkCount > 0 && (await harness.HistoryAsync(instanceId)).Any(e => e.Kind == kind))
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<List<OrchestrationMetadata>> ToListAsync(AsyncPageable<OrchestrationMetadata> pageable)
    {
        var list = new List<OrchestrationMetadata>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class StrongBox<T>(T value)
    {
        public T Value { get; set; } = value;
    }
}
