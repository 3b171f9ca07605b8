using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Application.Tokens;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>GET /api/v3/participants/ecf</c> on the real app over Kestrel (loopback): generates people (a mix over the ECF providers
/// and contract years 2021-2026, ECTs and mentors, some transfers) with their provider views, bulk-written into the embedded
/// store, then full syncs with 100 a page from concurrent clients and with 3,000 a page. Prints p50/p95/rps and checks that
/// every sync returned each of the provider's participants exactly once.
/// Usage: dotnet run -c Release --project bench/Ecf.Bench.People -- --list [--people N] [--clients C] [--syncs S]
/// </summary>
internal static class ListBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = Bench.Arg(args, "--people", 350_000);
        var clients = Bench.Arg(args, "--clients", 8);
        var syncs = Bench.Arg(args, "--syncs", 2);
        var folder = Bench.NewFolder("ecf-bench-list");
        var database = Path.Combine(folder, "ecf.db");
        try
        {
            var (provider, expected) = await PeopleGenerator.GenerateAsync(database, people, PeopleShape.List);
            await MeasureDependentsQueryAsync(database, provider);
            return await MeasureAsync(database, provider, expected, clients, syncs);
        }
        finally
        {
            Bench.DeleteFolder(folder);
        }
    }

    /// <summary>
    /// The queries <see cref="ProviderViewDependents"/> makes when a school's URN or a partnership changes: the participant views of
    /// one provider naming a school (an index seek on the scalar <c>schoolId</c>, then an ArrayContains search among the views
    /// with several dependencies, which the partial index on <c>manyDependencies</c> keeps small).
    /// </summary>
    private static async Task MeasureDependentsQueryAsync(string database, Guid provider)
    {
        await using var store = new SqliteDocumentStore(database);
        await store.EnsureContainersAsync(EcfContainers.All);
        var views = store.GetContainer(EcfContainers.ProviderViews);
        var partition = ProviderViewKinds.Partition(provider);
        var sample = await views.QueryAsync(partition, DocumentQuery.All(20).WhereEquals("kind", ProviderViewKinds.Participant));
        var schoolIds = sample.Documents.SelectMany(d => d.As<ProviderViewDocument>().SchoolIds ?? []).Distinct().ToList();
        var timings = new List<double>();
        var found = 0;
        foreach (var schoolId in schoolIds)
        {
            var watch = Stopwatch.StartNew();
            var single = await views.QueryAsync(partition, DocumentQuery.All(500).WhereEquals("schoolId", schoolId).WhereEquals("kind", ProviderViewKinds.Participant));
            var many = await views.QueryAsync(
                partition,
                DocumentQuery.All(500).WhereEquals("manyDependencies", true).WhereEquals("kind", ProviderViewKinds.Participant).Where("schoolIds", FilterOperator.ArrayContains, schoolId));
            timings.Add(watch.Elapsed.TotalMilliseconds);
            found += single.Documents.Count + many.Documents.Count;
        }

        var sorted = timings.Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"Dependents queries (one provider's views naming a school: scalar seek + ArrayContains among views with several): {sorted.Length} queries, {found} views found, p50 {Bench.Percentile(sorted, 0.50):F1} ms, max {sorted[^1]:F1} ms."));
    }

    private static async Task<int> MeasureAsync(string database, Guid provider, int expected, int clients, int syncs)
    {
        await using var app = await BenchApp.StartAsync(database);
        var reference = await app.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        var name = reference.GetLeadProvider(provider)!.Name;
        using var http = app.CreateClient(await app.CreateTokenAsync(ApiRoles.LeadProvider, name));

        var ok = true;
        Console.WriteLine($"Provider {name}: {expected} participants. Warming up.");
        await SyncAsync(http, 100, expected, new List<double>());

        foreach (var (perPage, concurrency) in new[] { (100, clients), (3000, 2) })
        {
            var latencies = new List<double>();
            var watch = Stopwatch.StartNew();
            var runs = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                var mine = new List<double>();
                var good = true;
                for (var s = 0; s < syncs; s++)
                {
                    good &= await SyncAsync(http, perPage, expected, mine);
                }

                lock (latencies)
                {
                    latencies.AddRange(mine);
                }

                return good;
            })).ToList();
            var results = await Task.WhenAll(runs);
            watch.Stop();
            ok &= results.All(r => r);
            var sorted = latencies.Order().ToArray();
            var rps = sorted.Length / watch.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"per_page {perPage}, {concurrency} clients x {syncs} full syncs: {sorted.Length} requests, p50 {Bench.Percentile(sorted, 0.50):F1} ms, p95 {Bench.Percentile(sorted, 0.95):F1} ms, p99 {Bench.Percentile(sorted, 0.99):F1} ms, {rps:F0} requests/s; every sync exactly once: {results.All(r => r)}"));
        }

        return ok ? 0 : 1;
    }

    /// <summary>Pages until an empty page; true when every participant came exactly once.</summary>
    private static async Task<bool> SyncAsync(HttpClient http, int perPage, int expected, List<double> latencies)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        for (var page = 1; ; page++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/v3/participants/ecf?page[per_page]={perPage}&page[page]={page}"));
            var body = await response.Content.ReadAsByteArrayAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
            }

            // A forward-only read of {"data":[{"id":...,...},...]} (still validates the JSON): the client shares the machine's
            // two cores with the server, so it should not spend them building a DOM of every page.
            var (items, pageDuplicates) = CollectIds(body, seen);
            duplicates += pageDuplicates;
            if (items == 0)
            {
                break;
            }
        }

        return duplicates == 0 && seen.Count == expected;
    }

    /// <summary>Adds each <c>data[i].id</c> of a list page to <paramref name="seen"/>; returns the page's item and duplicate counts.</summary>
    private static (int Items, int Duplicates) CollectIds(byte[] body, HashSet<string> seen)
    {
        var reader = new Utf8JsonReader(body);
        var (items, duplicates, ids) = (0, 0, 0);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                items++;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                ids++;
                if (!seen.Add(reader.GetString()!))
                {
                    duplicates++;
                }
            }
        }

        return ids == items ? (items, duplicates) : throw new InvalidOperationException("A participant without an id.");
    }
}
