using System.Globalization;
using Ecf.Orchestrations.Diagnostics;
using Ecf.Orchestrations.Timers;
using Ecf.Storage;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Tests.Timers;

public sealed class TimerFunctionSchedulerTests
{
    private const string Daily = "0 0 6 * * *";
    private const string EveryFiveMinutes = "0 */5 * * * *";

    [Fact]
    public async Task RunDueAsync_FirstPass_RecordsScheduleAndStartsNothing()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T06:30:00Z"));
        var scheduler = harness.NewScheduler(("Nightly", Daily));

        // Act
        var started = await scheduler.RunDueAsync();

        // Assert
        Assert.Empty(started);
        Assert.Empty(await harness.InstancesAsync());
        var container = await harness.ContainerAsync();
        var document = await container.ReadAsync<TimerScheduleDocument>(TimerScheduleDocument.Partition, TimerScheduleDocument.IdFor("Nightly"));
        Assert.NotNull(document);
        Assert.Equal(At("2025-03-01T06:30:00Z"), document.Checkpoint);
        Assert.Equal(Daily, document.Schedule);
    }

    [Fact]
    public async Task RunDueAsync_OccurrenceDue_StartsOneInstanceWithDeterministicIdAndInput()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:59:00Z"));
        var scheduler = harness.NewScheduler(("Nightly", Daily));
        await scheduler.RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-01T06:00:00.2Z"));

        // Act
        var started = await scheduler.RunDueAsync();
        var again = await scheduler.RunDueAsync();

        // Assert
        Assert.Equal(["timer:Nightly:20250301060000"], started);
        Assert.Empty(again);
        var instance = Assert.Single(await harness.InstancesAsync());
        Assert.Equal("timer:Nightly:20250301060000", instance.InstanceId);
        Assert.Equal(OrchestrationNames.Ping, instance.Name);
        Assert.Equal("""{"message":"tick"}""", instance.SerializedInput);
    }

    [Fact]
    public async Task RunDueAsync_NothingDueYet_StartsNothing()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        var scheduler = harness.NewScheduler(("Nightly", Daily));
        await scheduler.RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-01T05:59:59.999Z"));

        // Act
        var started = await scheduler.RunDueAsync();

        // Assert
        Assert.Empty(started);
        Assert.Empty(await harness.InstancesAsync());
        Assert.Equal(At("2025-03-01T06:00:00Z"), scheduler.NextOccurrenceAfter(harness.Time.GetUtcNow()));
    }

    [Fact]
    public async Task RunDueAsync_TwoSchedulersOnOneStore_EachOccurrenceStartsExactlyOneInstance()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T09:58:00Z"));
        var first = harness.NewScheduler(("Poll", EveryFiveMinutes));
        var second = harness.NewScheduler(("Poll", EveryFiveMinutes));
        await Task.WhenAll(first.RunDueAsync(), second.RunDueAsync());
        var startedPerRound = new List<int>();

        // Act: 12 occurrences, both schedulers racing for each, three passes apiece.
        for (var round = 0; round < 12; round++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).RunDueAsync())));
            startedPerRound.Add(passes.Sum(p => p.Count));
        }

        // Assert
        Assert.All(startedPerRound, count => Assert.Equal(1, count));
        var ids = (await harness.InstancesAsync()).Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList();
        var expected = Enumerable.Range(0, 12).Select(i => $"timer:Poll:{At("2025-03-01T10:00:00Z").AddMinutes(5 * i).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}").ToList();
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task RunDueAsync_OccurrencesMissedWhileNoHostRan_RunsOnlyTheLatestOnceAtStart()
    {
        // Arrange: a host saw the schedule on 1 March, then no host ran until 4 March 12:00 (three 06:00 occurrences missed).
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        await harness.NewScheduler(("Nightly", Daily)).RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-04T12:00:00Z"));
        var restarted = harness.NewScheduler(("Nightly", Daily));

        // Act
        var started = await restarted.RunDueAsync();

        // Assert
        Assert.Equal(["timer:Nightly:20250304060000"], started);
        Assert.Equal(["timer:Nightly:20250304060000"], (await harness.InstancesAsync()).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task RunDueAsync_RestartAfterAnOccurrenceRan_DoesNotRunItAgain()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        var before = harness.NewScheduler(("Nightly", Daily));
        await before.RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-01T06:00:01Z"));
        Assert.Single(await before.RunDueAsync());
        harness.Time.SetUtcNow(At("2025-03-01T18:00:00Z"));

        // Act: two restarts later the same day.
        var afterRestart = await harness.NewScheduler(("Nightly", Daily)).RunDueAsync();
        var afterSecondRestart = await harness.NewScheduler(("Nightly", Daily)).RunDueAsync();

        // Assert
        Assert.Empty(afterRestart);
        Assert.Empty(afterSecondRestart);
        Assert.Single(await harness.InstancesAsync());
    }

    [Fact]
    public async Task RunDueAsync_InstanceOfTheOccurrenceAlreadyExists_DoesNotStartItAgain()
    {
        // Arrange: the occurrence's instance exists (finished or not), e.g. started by a host whose confirmation was lost.
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        var scheduler = harness.NewScheduler(("Nightly", Daily));
        await scheduler.RunDueAsync();
        await harness.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.Ping, new PingInput("earlier"), new StartOrchestrationOptions("timer:Nightly:20250301060000"));
        harness.Time.SetUtcNow(At("2025-03-01T06:00:00Z"));

        // Act
        var started = await scheduler.RunDueAsync();

        // Assert
        Assert.Empty(started);
        var instance = Assert.Single(await harness.InstancesAsync());
        Assert.Equal("earlier", instance.ReadInputAs<PingInput>()!.Message);
    }

    [Fact]
    public async Task RunDueAsync_ClaimLeftUnconfirmedByADeadHost_IsStartedAfterTheClaimTimeoutOnly()
    {
        // Arrange: a host claimed 06:00 and died before starting the instance.
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        var scheduler = harness.NewScheduler(("Nightly", Daily));
        await scheduler.RunDueAsync();
        var container = await harness.ContainerAsync();
        var id = TimerScheduleDocument.IdFor("Nightly");
        var stored = await container.ReadAsync(TimerScheduleDocument.Partition, id);
        Assert.NotNull(stored);
        var claimedAt = At("2025-03-01T06:00:00Z");
        await container.ReplaceAsync(TimerScheduleDocument.Partition, id, stored.As<TimerScheduleDocument>() with
        {
            Checkpoint = claimedAt,
            LastOccurrence = claimedAt,
            LastInstanceId = "timer:Nightly:20250301060000",
            Started = false,
            ClaimedBy = "dead-host",
            ClaimedAt = claimedAt,
        }, stored.ETag);

        // Act
        harness.Time.SetUtcNow(claimedAt + TimerFunctionScheduler.ClaimTimeout - TimeSpan.FromSeconds(1));
        var whileClaimed = await scheduler.RunDueAsync();
        harness.Time.SetUtcNow(claimedAt + TimerFunctionScheduler.ClaimTimeout);
        var afterTimeout = await scheduler.RunDueAsync();
        var later = await scheduler.RunDueAsync();

        // Assert
        Assert.Empty(whileClaimed);
        Assert.Equal(["timer:Nightly:20250301060000"], afterTimeout);
        Assert.Empty(later);
        Assert.Single(await harness.InstancesAsync());
        Assert.True((await container.ReadAsync<TimerScheduleDocument>(TimerScheduleDocument.Partition, id))!.Started);
    }

    [Fact]
    public async Task RunDueAsync_ScheduleChanged_StartsAfreshWithoutRunningAnything()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        await harness.NewScheduler(("Nightly", Daily)).RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-01T10:00:00Z"));
        var changed = harness.NewScheduler(("Nightly", "0 0 2 * * *"));

        // Act
        var afterChange = await changed.RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-02T02:00:00Z"));
        var atNewTime = await changed.RunDueAsync();

        // Assert
        Assert.Empty(afterChange);
        Assert.Equal(["timer:Nightly:20250302020000"], atNewTime);
    }

    [Fact]
    public async Task RunDueAsync_DisabledFunction_StartsNothing()
    {
        // Arrange
        await using var harness = await TimerHarness.StartAsync(At("2025-03-01T05:00:00Z"));
        var function = new TimerFunctionOptions { Schedule = Daily, Orchestration = OrchestrationNames.Ping, Disabled = "true" };
        var scheduler = harness.NewScheduler(("Nightly", function));
        await scheduler.RunDueAsync();
        harness.Time.SetUtcNow(At("2025-03-01T06:00:00Z"));

        // Act
        var started = await scheduler.RunDueAsync();

        // Assert
        Assert.Empty(started);
        Assert.Empty(scheduler.Functions);
        Assert.Null(scheduler.NextOccurrenceAfter(harness.Time.GetUtcNow()));
    }

    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
