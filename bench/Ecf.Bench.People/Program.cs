using System.Diagnostics;
using System.Globalization;
using Ecf.Application.Partnerships;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Registrations;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.Schools;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// Registration throughput on the embedded store: the application handler end to end (validation, school lookup, TRN
// reservation, placement with the school's default partnership, decider, person + timeline batch, provider views).
// Usage: dotnet run -c Release --project bench/Ecf.Bench.People [-- --registrations N --parallel P --quick --no-views]
// `--list`: the participant list benchmark over HTTP (ListBenchmark.cs).
// `--status-refresh`: the daily participant-status refresh on the local durable runtime (StatusRefreshBenchmark.cs).
// `--declarations`: v3 declarations over HTTP, their list meanwhile, and identical requests at once (DeclarationBenchmark.cs).
if (args.Contains("--list"))
{
    return await ListBenchmark.RunAsync(args);
}

if (args.Contains("--status-refresh"))
{
    return await StatusRefreshBenchmark.RunAsync(args);
}

if (args.Contains("--declarations"))
{
    return await DeclarationBenchmark.RunAsync(args);
}

var quick = args.Contains("--quick");
var registrations = Bench.Arg(args, "--registrations", quick ? 1_000 : 10_000);
var parallel = Bench.Arg(args, "--parallel", 8);
var withViews = !args.Contains("--no-views");
const int Schools = 500;

var folder = Bench.NewFolder("ecf-bench-people");
try
{
    await using var store = new SqliteDocumentStore(Path.Combine(folder, "ecf.db"));
    await store.EnsureContainersAsync(EcfContainers.All);
    var clock = new FixedClock(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero));
    var collection = new ServiceCollection()
        .AddSingleton<IDocumentStore>(store)
        .AddSingleton<TimeProvider>(clock)
        .AddLogging()
        .AddEcfReferenceData();
    if (withViews)
    {
        collection.AddEcfProviderViews();
    }

    await using var services = collection.AddEcfPeople().BuildServiceProvider();
    await services.GetRequiredService<IReferenceDataSeeder>().SeedAsync();
    var snapshot = await services.GetRequiredService<IReferenceData>().GetSnapshotAsync();

    // Schools, each with a default partnership for 2025 spread over the providers that have relationships that year.
    var relationships = snapshot.Relationships.Where(r => r.ContractYear == 2025).GroupBy(r => r.LeadProviderId).Select(g => g.First()).ToList();
    var schoolDocuments = services.GetRequiredService<SchoolDocuments>();
    var create = services.GetRequiredService<CreatePartnershipHandler>();
    var schools = new List<School>();
    for (var i = 0; i < Schools; i++)
    {
        var facts = new GiasFacts { Urn = 200_000 + i, Name = $"School {i}", TypeCode = "1", StatusCode = "1", DistrictAdministrativeCode = "E09000001" };
        schools.Add(SchoolDecider.ApplyFacts(null, facts, new SchoolChangeContext(clock.GetUtcNow(), "bench", "bench")).School!);
    }

    await schoolDocuments.WriteAsync([.. schools.Select(s => (s, (string?)null))]);
    for (var i = 0; i < schools.Count; i++)
    {
        var r = relationships[i % relationships.Count];
        var made = await create.HandleAsync(new CreatePartnershipCommand(r.LeadProviderId, "2025", schools[i].SchoolId, r.DeliveryPartnerId.ToString(), new PartnershipChangeContext(clock.GetUtcNow(), ActorTypes.System, null, "bench")));
        if (!made.IsSuccess)
        {
            throw new InvalidOperationException(made.Error!.Detail);
        }
    }

    var handler = services.GetRequiredService<RegisterParticipantHandler>();
    RegisterParticipantCommand Command(int n) => new(
        new Ecf.Domain.Registrations.RegistrationRequest(
        n % 5 == 0 ? ParticipationTypes.Mentor : ParticipationTypes.Ect,
        (3_000_000 + n).ToString(CultureInfo.InvariantCulture),
        $"Person {n}",
        "1990-01-31",
        $"person{n}@example.org",
        schools[n % Schools].Urn.ToString(CultureInfo.InvariantCulture),
        "2025-09-01",
        TrainingProgrammes.ProviderLed,
        null,
        null,
        null),
        new Actor(ActorTypes.SchoolService, "bench"),
        "bench-" + n.ToString(CultureInfo.InvariantCulture));

    // Warm-up (JIT, caches), not counted.
    for (var n = 0; n < 200; n++)
    {
        await handler.HandleAsync(Command(registrations + n));
    }

    var latencies = new double[registrations];
    var next = -1;
    var failures = 0;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
    {
        int n;
        while ((n = Interlocked.Increment(ref next)) < registrations)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await handler.HandleAsync(Command(n));
            latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!result.IsSuccess || result.Value.Outcome != RegistrationOutcome.Created)
            {
                Interlocked.Increment(ref failures);
            }
        }
    })));
    total.Stop();

    Array.Sort(latencies);
    var rate = registrations / total.Elapsed.TotalSeconds;
    Console.WriteLine($"Registrations: {registrations} new people ({parallel} in parallel, {Schools} schools with default partnerships, provider views {(withViews ? "written" : "not written")}).");
    Console.WriteLine(FormattableString.Invariant($"  throughput {rate:F0}/s; latency p50 {Bench.Percentile(latencies, 0.50):F2} ms, p95 {Bench.Percentile(latencies, 0.95):F2} ms, p99 {Bench.Percentile(latencies, 0.99):F2} ms; failures {failures}"));
    Console.WriteLine(rate >= 300 ? "  target (>= 300/s): met" : "  target (>= 300/s): NOT met");
    return failures == 0 ? 0 : 1;
}
finally
{
    Bench.DeleteFolder(folder);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
