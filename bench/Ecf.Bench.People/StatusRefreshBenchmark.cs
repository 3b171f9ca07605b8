using System.Diagnostics;
using System.Globalization;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.LocalRuntime;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Statuses;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// The daily participant-status refresh on 1 September, when a whole cohort starts: generates people registered in the summer
/// (<c>joining</c>, next status change date 1 September) with their provider views into the embedded store, then, with the
/// clock on that day, runs the <c>ParticipantStatusRefresh</c> orchestration on the local durable runtime (the
/// Microsoft.DurableTask worker, task hub on an Azurite started here) and the same run again later that day. Prints wall and
/// process CPU time of each, the Azurite process's CPU, the time inside the batch activity and the provider-view writer summed, and checks that every due
/// person was refreshed exactly once (one <c>statuses_refreshed</c> event each, none still due, a sample reads <c>active</c>)
/// and that the rerun wrote nothing. One run of each: no medians.
/// Usage: dotnet run -c Release --project bench/Ecf.Bench.People -- --status-refresh [--people N] [--page-size P] [--quick]
/// </summary>
internal static class StatusRefreshBenchmark
{
    private const int Year = 2025;
    private const int Sample = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var people = Bench.Arg(args, "--people", args.Contains("--quick") ? 5_000 : 350_000);
        var pageSize = Bench.Arg(args, "--page-size", ParticipantStatusRefreshInput.DefaultPageSize);
        var startsOn = new DateOnly(Year, 9, 1);
        var folder = Bench.NewFolder("ecf-bench-status-refresh");
        var database = Path.Combine(folder, "ecf.db");
        AzuriteProcess? azurite = null;
        try
        {
            Console.WriteLine($"Machine load average before: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
            await PeopleGenerator.GenerateAsync(database, people, PeopleShape.JoiningOnFirstSeptember(Year));

            await using var store = new SqliteDocumentStore(database);
            await store.EnsureContainersAsync(EcfContainers.All);
            var clock = new TestClock(new DateTimeOffset(startsOn.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero));
            await using var services = new ServiceCollection()
                .AddSingleton<IDocumentStore>(store)
                .AddSingleton<TimeProvider>(clock)
                .AddLogging()
                .AddEcfReferenceData()
                .AddEcfProviderViews()
                .AddEcfPeople()
                .BuildServiceProvider();
            var personDocuments = services.GetRequiredService<PersonDocuments>();

            var (due, readAlone) = await ReadDueAsync(personDocuments, startsOn, pageSize);
            Console.WriteLine(FormattableString.Invariant(
                $"Due on {startsOn:yyyy-MM-dd}: {due} people; the due query alone (pages of {pageSize}, no writes): {readAlone.TotalSeconds:F2} s"));

            azurite = await AzuriteProcess.StartAsync(Path.Combine(folder, "azurite"));
            var timing = new Timing();
            var viewTiming = new Timing();

            // The app's handler, with the app's provider-view writer wrapped only to sum the time spent in it.
            var handler = new RefreshParticipantStatusesHandler(
                personDocuments, clock, [new TimedViewWriter(services.GetRequiredService<IProviderViewWriter>(), viewTiming)]);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalDurable:Backend"] = "AzureStorage",
                ["LocalDurable:StorageConnectionString"] = azurite.ConnectionString,
                ["LocalDurable:TaskHubName"] = "EcfBenchStatusRefresh",
            });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

            // The app's orchestrator and batch activity; the activity is wrapped only to sum the time spent inside it.
            builder.Services.AddEcfLocalDurableTask(
                builder.Configuration,
                registry => registry
                    .AddOrchestrator<ParticipantStatusRefreshOrchestrator>(OrchestrationNames.ParticipantStatusRefresh)
                    .AddActivity(ActivityNames.ParticipantStatusRefreshBatch, _ => new TimedActivity(new ParticipantStatusRefreshBatchActivity(handler), timing)),
                DurableJson.Converter);
            using var host = builder.Build();
            await host.StartAsync();
            var client = host.Services.GetRequiredService<DurableTaskClient>();

            var first = await MeasureAsync(client, new ParticipantStatusRefreshInput(PageSize: pageSize), timing, viewTiming, azurite.DataDirectory);
            Print("Refresh on 1 September", first, pageSize);
            var (events, duplicates, wrongRun) = await CountRefreshedEventsAsync(store);
            var (stillDue, _) = await personDocuments.FindDueForStatusRefreshAsync(startsOn, null, 1);
            var sampleActive = await SampleActiveAsync(personDocuments, people, startsOn);
            var exactlyOnce = first.Output.Read == people && first.Output.Refreshed == people && first.Output.Unchanged == 0 && first.Output.FailedCount == 0
                && events == people && duplicates == 0 && wrongRun == 0 && stillDue.Count == 0 && sampleActive == Sample;
            Console.WriteLine(
                $"  check: refreshed {first.Output.Refreshed:N0} of {people:N0} due; statuses_refreshed events {events:N0} ({duplicates} people with more than one, " +
                $"{wrongRun} from another run); still due {stillDue.Count}; sample of {Sample} documents active as of {startsOn:yyyy-MM-dd} with no next change: {sampleActive}. " +
                $"Every due person refreshed exactly once: {exactlyOnce}");

            clock.SetUtcNow(new DateTimeOffset(startsOn.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
            var second = await MeasureAsync(client, new ParticipantStatusRefreshInput(PageSize: pageSize), timing, viewTiming, azurite.DataDirectory);
            Print("Unchanged rerun at 18:00 the same day", second, pageSize);
            var (eventsAfter, _, _) = await CountRefreshedEventsAsync(store);
            var wroteNothing = second.Output.Read == 0 && second.Output.Refreshed == 0 && eventsAfter == events;
            Console.WriteLine($"  check: read {second.Output.Read}, refreshed {second.Output.Refreshed}, statuses_refreshed events still {eventsAfter:N0}. Wrote nothing: {wroteNothing}");
            Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
            Console.WriteLine($"Machine load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
            await host.StopAsync();
            return exactlyOnce && wroteNothing ? 0 : 1;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            Bench.DeleteFolder(folder);
        }
    }

    /// <summary>Pages through the people due without writing: what the refresh's reads cost on their own.</summary>
    private static async Task<(int Count, TimeSpan Elapsed)> ReadDueAsync(PersonDocuments people, DateOnly today, int pageSize)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        string? continuation = null;
        do
        {
            var (page, next) = await people.FindDueForStatusRefreshAsync(today, continuation, pageSize);
            count += page.Count;
            continuation = next;
        }
        while (continuation is not null);
        return (count, watch.Elapsed);
    }

    private static async Task<Run> MeasureAsync(DurableTaskClient client, ParticipantStatusRefreshInput input, Timing timing, Timing viewTiming, string azuriteData)
    {
        timing.Reset();
        viewTiming.Reset();
        var azuriteCpu0 = ProcessCpu(azuriteData);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.ParticipantStatusRefresh, input, CancellationToken.None);
        var run = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, CancellationToken.None);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var azuriteCpu = ProcessCpu(azuriteData) - azuriteCpu0;
        if (run.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"The refresh ended {run.RuntimeStatus}: {run.FailureDetails?.ErrorMessage}");
        }

        return new Run(run.ReadOutputAs<ParticipantStatusRefreshOutput>()!, watch.Elapsed, cpu, azuriteCpu, timing.Elapsed, timing.Calls, viewTiming.Elapsed);
    }

    private static void Print(string title, Run run, int pageSize)
    {
        var perGeneration = ParticipantStatusRefreshInput.DefaultBatchesPerGeneration;
        var generations = Math.Max(1, (run.Output.Batches + perGeneration - 1) / perGeneration);
        var outside = run.Wall - run.InActivity;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{title}: {run.Wall.TotalSeconds:F2} s wall; read {run.Output.Read:N0}, refreshed {run.Output.Refreshed:N0}, unchanged {run.Output.Unchanged:N0}, failed {run.Output.FailedCount:N0}; " +
            $"{run.Output.Batches:N0} batches of up to {pageSize} ({run.Activities:N0} activity executions), {generations} generation(s) of up to {perGeneration} batches"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  CPU: this process {run.Cpu.TotalSeconds:F2} s, Azurite (node) {run.AzuriteCpu.TotalSeconds:F2} s; rate {(run.Output.Refreshed > 0 ? run.Output.Refreshed / run.Wall.TotalSeconds : 0):F0} people refreshed/s"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  where the time goes: inside the batch activity (query, decide, write person + event, provider views) {run.InActivity.TotalSeconds:F2} s " +
            $"({Share(run.InActivity, run.Wall)}% of wall); outside it (orchestration, task hub on Azurite, dispatch) {outside.TotalSeconds:F2} s ({Share(outside, run.Wall)}%); " +
            $"{(run.Activities > 0 ? outside.TotalMilliseconds / run.Activities : 0):F0} ms overhead per batch"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  inside the activity: provider views (read, compare, write) {run.InViews.TotalSeconds:F2} s ({Share(run.InViews, run.InActivity)}%); " +
            $"the rest (due query, decide, person + event batch) {(run.InActivity - run.InViews).TotalSeconds:F2} s ({Share(run.InActivity - run.InViews, run.InActivity)}%); " +
            $"{(run.Output.Read > 0 ? run.InActivity.TotalMilliseconds / run.Output.Read : 0):F2} ms a person"));
    }

    /// <summary>The <c>statuses_refreshed</c> events in the store (a cross-partition scan): how many, people with more than one, and any not written by the refresh.</summary>
    private static async Task<(int Events, int Duplicates, int WrongActor)> CountRefreshedEventsAsync(SqliteDocumentStore store)
    {
        var container = store.GetContainer(EcfContainers.People);
        var query = DocumentQuery.All(1000).WhereEquals("kind", PersonEvent.DocumentKind).WhereEquals("type", PersonEventTypes.StatusesRefreshed);
        var people = new HashSet<string>(StringComparer.Ordinal);
        var (events, duplicates, wrongActor) = (0, 0, 0);
        string? continuation = null;
        do
        {
            var page = await container.QueryCrossPartitionAsync(query.WithContinuation(continuation));
            foreach (var @event in page.Documents.Select(d => d.As<PersonEvent>()))
            {
                events++;
                duplicates += people.Add(@event.PersonId) ? 0 : 1;
                wrongActor += @event.Actor.Id == RefreshParticipantStatusesHandler.ActorId ? 0 : 1;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
        return (events, duplicates, wrongActor);
    }

    /// <summary>How many of <see cref="Sample"/> generated people, spread over all of them, read <c>active</c> as of <paramref name="day"/> with no change pending.</summary>
    private static async Task<int> SampleActiveAsync(PersonDocuments people, int count, DateOnly day)
    {
        var active = 0;
        for (var i = 0; i < Sample; i++)
        {
            var stored = await people.ReadAsync(PeopleGenerator.PersonId((int)((long)i * count / Sample)));
            var person = stored?.Person;
            if (person is { NextStatusChangeOn: null }
                && person.Participations.All(p => p.Statuses.ParticipantStatus == ParticipantStatuses.Active && p.Statuses.AsOf == day))
            {
                active++;
            }
        }

        return active;
    }

    /// <summary>CPU time (user + system) of the process whose command line names <paramref name="marker"/> (the Azurite started here), from /proc.</summary>
    private static TimeSpan ProcessCpu(string marker)
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(directory), out _) || !File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // another user's process
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static int Share(TimeSpan part, TimeSpan whole) => whole > TimeSpan.Zero ? (int)Math.Round(100 * part / whole) : 0;

    private sealed record Run(ParticipantStatusRefreshOutput Output, TimeSpan Wall, TimeSpan Cpu, TimeSpan AzuriteCpu, TimeSpan InActivity, int Activities, TimeSpan InViews);

    /// <summary>Time spent inside something, summed over its calls.</summary>
    private sealed class Timing
    {
        private long _ticks;
        private int _calls;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public int Calls => Volatile.Read(ref _calls);

        public void Add(TimeSpan elapsed)
        {
            Interlocked.Add(ref _ticks, elapsed.Ticks);
            Interlocked.Increment(ref _calls);
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _ticks, 0);
            Interlocked.Exchange(ref _calls, 0);
        }
    }

    /// <summary>Writes through <paramref name="inner"/> and adds how long it took to <paramref name="timing"/>.</summary>
    private sealed class TimedViewWriter(IProviderViewWriter inner, Timing timing) : IProviderViewWriter
    {
        public async Task WriteAsync(Person? before, Person after, CancellationToken cancellationToken = default)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await inner.WriteAsync(before, after, cancellationToken);
            }
            finally
            {
                timing.Add(Stopwatch.GetElapsedTime(started));
            }
        }
    }

    /// <summary>Runs <paramref name="inner"/> and adds how long it took to <paramref name="timing"/>.</summary>
    private sealed class TimedActivity(ITaskActivity inner, Timing timing) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await inner.RunAsync(context, input);
            }
            finally
            {
                timing.Add(Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
