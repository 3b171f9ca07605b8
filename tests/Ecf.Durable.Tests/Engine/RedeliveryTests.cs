using Ecf.Durable.Engine;
using Ecf.Storage;

namespace Ecf.Durable.Tests.Engine;

/// <summary>The commit order's crash cases, reproduced by writing what a host killed between two steps leaves behind.</summary>
public sealed class RedeliveryTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("Echo", (_, s) => s)
        .AddOrchestratorFunc<string, string>("EchoThenWait", async (ctx, input) =>
        {
            var echoed = await ctx.CallActivityAsync<string>("Echo", input);
            var go = await ctx.WaitForExternalEvent<string>("go");
            return echoed + "|" + go;
        });

    [Fact]
    public async Task ConsumedMessageRedelivered_KilledBeforeDelete_DroppedAndHistoryUnchanged()
    {
        // Arrange: the activity result was committed to history; a host killed before step (d) leaves the message behind.
        await using var harness = await DurableHarness.StartAsync(Register);
        var (id, shard, duplicate) = await StartWithCommittedActivityResultAsync(harness, "redeliver-1");

        // Act
        await harness.Container.UpsertAsync(shard, duplicate.Id, duplicate);
        await WaitUntilAsync(async () => await harness.Container.ReadAsync(shard, duplicate.Id) is null);
        var history = await harness.HistoryAsync(id);
        await harness.Client.RaiseEventAsync(id, "go", "now");
        var result = await harness.WaitAsync(id);

        // Assert
        Assert.Single(history, e => e.Kind == HistoryEventKind.TaskCompleted);
        Assert.Equal("original|now", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ConsumedMessageRedelivered_LeaseLeftAtTheAttemptCap_DroppedWithoutFailingTheInstance()
    {
        // Arrange: as above, and the dead hosts also left the episode lease at the cap (each died, killed by work it started,
        // after its episode committed and before it released the lease): redeliveries alone must not count as poison.
        await using var harness = await DurableHarness.StartAsync(Register);
        var (id, shard, duplicate) = await StartWithCommittedActivityResultAsync(harness, "redeliver-2");
        var lease = new LeaseDocument
        {
            Id = InstanceIds.Lease(id),
            InstanceId = shard,
            Target = id,
            Owner = "dead-host",
            LeaseUntil = 0,
            Attempts = harness.Options.MaxEpisodeAttempts,
        };

        // Act
        await harness.Container.UpsertAsync(shard, lease.Id, lease);
        await harness.Container.UpsertAsync(shard, duplicate.Id, duplicate);
        await WaitUntilAsync(async () => await harness.Container.ReadAsync(shard, duplicate.Id) is null);
        var status = (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus;
        await harness.Client.RaiseEventAsync(id, "go", "now");
        var result = await harness.WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Running, status);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("original|now", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task OutboundAlreadyWritten_KilledAfterStepA_RedoReusesItAndCompletes()
    {
        // Arrange: an earlier episode wrote the activity work item (step a) and died before committing history (step b).
        await using var harness = await DurableHarness.StartAsync(Register, startHost: false);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("EchoThenWait", "from the redo", new StartOrchestrationOptions("redo-1"));
        var instance = (await harness.Container.ReadAsync(id, InstanceIds.InstanceDocId))!.As<InstanceDocument>();
        var shard = InstanceIds.Shard(id, harness.Options.ShardCount);
        var leftOver = new WorkItemDocument
        {
            Id = InstanceIds.WorkItem(id, instance.ExecutionId, 0),
            InstanceId = shard,
            Target = id,
            ExecutionId = instance.ExecutionId,
            TaskId = 0,
            Name = "Echo",
            Input = "\"from the crashed episode\"",
        };
        await harness.Container.CreateAsync(shard, leftOver.Id, leftOver);

        // Act
        await harness.StartHostAsync();
        await WaitUntilAsync(async () => (await harness.HistoryAsync(id)).Any(e => e.Kind == HistoryEventKind.TaskCompleted));
        await harness.Client.RaiseEventAsync(id, "go", "now");
        var result = await harness.WaitAsync(id);
        var history = await harness.HistoryAsync(id);

        // Assert: the work item was not duplicated (same deterministic id), so the one already there ran.
        Assert.Equal("from the crashed episode|now", result.ReadOutputAs<string>());
        Assert.Single(history, e => e.Kind == HistoryEventKind.TaskScheduled);
        Assert.Single(history, e => e.Kind == HistoryEventKind.TaskCompleted);
    }

    /// <summary>Starts <c>EchoThenWait</c>, waits until its activity result is in history, and builds a redelivery of that result.</summary>
    private static async Task<(string Id, string Shard, MessageDocument Duplicate)> StartWithCommittedActivityResultAsync(DurableHarness harness, string instanceId)
    {
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("EchoThenWait", "original", new StartOrchestrationOptions(instanceId));
        await WaitUntilAsync(async () => (await harness.HistoryAsync(id)).Any(e => e.Kind == HistoryEventKind.TaskCompleted));
        var instance = (await harness.Container.ReadAsync(id, InstanceIds.InstanceDocId))!.As<InstanceDocument>();
        var shard = InstanceIds.Shard(id, harness.Options.ShardCount);
        var duplicate = new MessageDocument
        {
            Id = InstanceIds.ActivityResult(id, instance.ExecutionId, 0),
            InstanceId = shard,
            Target = id,
            ExecutionId = instance.ExecutionId,
            Kind = MessageKind.TaskCompleted,
            TaskId = 0,
            Data = "\"duplicate\"",
        };
        return (id, shard, duplicate);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
