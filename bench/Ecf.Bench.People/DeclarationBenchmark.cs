using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ecf.Application.People;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Tokens;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>POST /api/v3/participant-declarations</c> on the real app over Kestrel (loopback), on the people of the participant-list
/// benchmark (contract years 2021-2026, every ECF provider, ECTs and mentors, 3% transferred) with 90% of them decided
/// funding-eligible, so most declarations become eligible and go on a statement. Sandbox on, as in Development: each request picks
/// its server date with <c>X-With-Server-Date</c> so that its declaration date falls in its milestone's window and a statement of
/// its contract year is still ahead. In one run:
/// (a) declarations from concurrent clients, each request a different participant and a milestone of its schedule, spread over
///     every provider: throughput and latency;
/// (b) while (a) goes on, full reads of <c>GET /api/v3/participant-declarations</c> at 100 a page (when the route exists);
/// (c) 1,000 identical declarations at once for one participant and milestone, without a key and then with one Idempotency-Key:
///     exactly one declaration made, every other answer the duplicate 422 (or, with the key, the first response again), no 5xx.
/// Every declaration answered 200 in (a) is then read back from the store: there exactly once, eligible on an existing statement
/// when its participant is eligible. Exits 1 when a check fails.
/// Usage: dotnet run -c Release --project bench/Ecf.Bench.People -- --declarations [--quick] [--people N] [--requests R]
///        [--clients C] [--readers L] [--identical I]
/// </summary>
internal static class DeclarationBenchmark
{
    private const string Route = "/api/v3/participant-declarations";
    private const string ServerDateHeader = "X-With-Server-Date";
    private const int EligiblePercent = 90;

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var people = Bench.Arg(args, "--people", quick ? 3_000 : 350_000);
        var requests = Bench.Arg(args, "--requests", quick ? 1_500 : 20_000);
        const int WarmUp = 200;
        var clients = Bench.Arg(args, "--clients", 8);
        var readers = Bench.Arg(args, "--readers", 2);
        var identical = Bench.Arg(args, "--identical", 1_000);
        var folder = Bench.NewFolder("ecf-bench-declarations");
        var database = Path.Combine(folder, "ecf.db");
        try
        {
            Console.WriteLine($"Machine load average before: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
            if (people < requests + 2 + WarmUp)
            {
                throw new ArgumentException($"--people must be at least --requests + {2 + WarmUp}: each request is a different participant.");
            }

            var targets = new Target[people];
            await PeopleGenerator.GenerateAsync(database, people, PeopleShape.List with { EligiblePercent = EligiblePercent }, (n, person) => targets[n] = Target.Of(person));
            await using var app = await BenchApp.StartAsync(database, sandbox: true);
            var run = await Run.PrepareAsync(app, targets, requests);
            Console.WriteLine(FormattableString.Invariant(
                $"Declarations: {people:N0} people, {targets.Count(t => t.Eligible) * 100.0 / people:F0}% funding-eligible; {requests:N0} POSTs, each a different participant, over {run.ProvidersUsed} providers and contract years {string.Join(", ", run.YearsUsed)}."));

            // Warm-up (JIT, caches, connections) on participants (a) and (c) do not use; not counted.
            await run.DeclareAsync(requests + 2, requests + 2 + WarmUp, clients, readers: 0);

            var ok = true;
            var listed = await run.ListRouteExistsAsync();
            if (listed)
            {
                // Side by side: the first half of the declarations alone, the second half with the list being read.
                var half = requests / 2;
                ok &= Report("(a) POST, alone", await run.DeclareAsync(0, half, clients, readers: 0));
                var (writes, reads) = await run.DeclareAsync(half, requests, clients, readers);
                ok &= Report($"(a) POST, with {readers} clients listing", (writes, null));
                ok &= ReportList(reads!);
            }
            else
            {
                ok &= Report("(a) POST", await run.DeclareAsync(0, requests, clients, readers: 0));
                Console.WriteLine("(b) list: not measured (route not on this branch)");
            }

            ok &= await run.VerifyAsync(requests);
            ok &= await run.IdenticalAsync(requests, identical, withKey: false);
            ok &= await run.IdenticalAsync(requests + 1, identical, withKey: true);
            Console.WriteLine($"Machine load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine(ok ? "Every check passed." : "A CHECK FAILED.");
            return ok ? 0 : 1;
        }
        finally
        {
            Bench.DeleteFolder(folder);
        }
    }

    private static bool Report(string title, (Measured Writes, Measured? Reads) phase)
    {
        var writes = phase.Writes;
        var sorted = writes.Sorted();
        var rate = writes.Count / writes.Elapsed.TotalSeconds;
        var p95 = Bench.Percentile(sorted, 0.95);
        Console.WriteLine(FormattableString.Invariant(
            $"{title}: {writes.Count:N0} requests in {writes.Elapsed.TotalSeconds:F1} s, {rate:F0} req/s; p50 {Bench.Percentile(sorted, 0.50):F1} ms, p95 {p95:F1} ms, p99 {Bench.Percentile(sorted, 0.99):F1} ms; {writes.Statuses()}"));
        Console.WriteLine($"    targets: >= 400 req/s {(rate >= 400 ? "met" : "NOT met")}; p95 <= 25 ms {(p95 <= 25 ? "met" : "NOT met")}");
        var accepted = writes.StatusCounts.GetValueOrDefault(200) == writes.Count;
        if (!accepted)
        {
            Console.WriteLine($"    check: every declaration accepted (200): False; first refusal: {writes.FirstRefusal}");
        }

        return accepted;
    }

    private static bool ReportList(Measured reads)
    {
        var sorted = reads.Sorted();
        var rate = reads.Count / reads.Elapsed.TotalSeconds;
        var p95 = Bench.Percentile(sorted, 0.95);
        Console.WriteLine(FormattableString.Invariant(
            $"(b) GET list at 100 a page while (a) runs: {reads.Count:N0} requests, {rate:F0} req/s; p50 {Bench.Percentile(sorted, 0.50):F1} ms, p95 {p95:F1} ms, p99 {Bench.Percentile(sorted, 0.99):F1} ms; {reads.Statuses()}"));
        Console.WriteLine($"    targets: >= 500 req/s {(rate >= 500 ? "met" : "NOT met")}; p95 <= 50 ms {(p95 <= 50 ? "met" : "NOT met")}");
        return reads.StatusCounts.GetValueOrDefault(200) == reads.Count;
    }

    /// <summary>What the benchmark needs of a generated person: who declares for it, for which course, under which contract and schedule.</summary>
    private sealed record Target(string PersonId, Guid LeadProviderId, string ParticipationType, int ContractYear, string Schedule, DateOnly From, bool Eligible)
    {
        /// <summary>The person's first training period (a transferred person's first provider still trains it before the move).</summary>
        public static Target Of(Person person)
        {
            var participation = person.Participations[0];
            var training = participation.TrainingPeriods[0];
            var eligible = participation.FundingEligibility.Any(p => p.Status == FundingEligibilityStatuses.Eligible);
            return new(person.PersonId, training.LeadProviderId!.Value, participation.Type, training.ContractYear, training.ScheduleIdentifier!, training.From, eligible);
        }
    }

    /// <summary>
    /// A declaration a participant may make: its type, a declaration date in the milestone's window and in the participant's training
    /// (a date before it is judged by the registration's funding-eligibility decision), a server date the day after
    /// (so the date is not in the future, the contract year is not frozen and an output statement is still ahead), and the
    /// <c>evidence_held</c> its contract year asks for.
    /// </summary>
    private sealed record Planned(string DeclarationType, string DeclarationDate, string ServerDate, string? EvidenceHeld);

    /// <summary>Latencies (ms) and statuses of one kind of request over one phase.</summary>
    private sealed class Measured
    {
        private readonly List<double> _latencies = [];

        public TimeSpan Elapsed { get; set; }

        public Dictionary<int, int> StatusCounts { get; } = [];

        public string? FirstRefusal { get; private set; }

        public int Count
        {
            get
            {
                lock (_latencies)
                {
                    return _latencies.Count;
                }
            }
        }

        public void Add(double milliseconds, HttpStatusCode status, byte[] body)
        {
            lock (_latencies)
            {
                _latencies.Add(milliseconds);
                StatusCounts[(int)status] = StatusCounts.GetValueOrDefault((int)status) + 1;
                if (status != HttpStatusCode.OK)
                {
                    FirstRefusal ??= $"{(int)status} {Encoding.UTF8.GetString(body)}";
                }
            }
        }

        public double[] Sorted()
        {
            lock (_latencies)
            {
                return [.. _latencies.Order()];
            }
        }

        public string Statuses() => "statuses " + string.Join(", ", StatusCounts.OrderBy(s => s.Key).Select(s => FormattableString.Invariant($"{s.Key}: {s.Value}")));
    }

    /// <summary>One run against the app: its tokens, the planned requests and what they answered.</summary>
    private sealed class Run
    {
        private readonly BenchApp _app;
        private readonly Target[] _targets;
        private readonly int[] _order;
        private readonly Dictionary<(int Year, string Schedule, string Type, DateOnly From), Planned[]> _plans;
        private readonly Dictionary<Guid, AuthenticationHeaderValue> _tokens;
        private readonly string?[] _declared;

        private Run(BenchApp app, Target[] targets, int[] order, Dictionary<(int, string, string, DateOnly), Planned[]> plans, Dictionary<Guid, AuthenticationHeaderValue> tokens)
        {
            _app = app;
            _targets = targets;
            _order = order;
            _plans = plans;
            _tokens = tokens;
            _declared = new string?[order.Length];
        }

        public int ProvidersUsed { get; private set; }

        public IReadOnlyList<int> YearsUsed { get; private set; } = [];

        /// <summary>The participants in a shuffled order (so each client's requests spread over providers), a token per provider.</summary>
        public static async Task<Run> PrepareAsync(BenchApp app, Target[] targets, int requests)
        {
            var reference = await app.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
            var order = Enumerable.Range(0, targets.Length).ToArray();
            new Random(20251120).Shuffle(order);
            var plans = targets.Select(t => (t.ContractYear, t.Schedule, t.ParticipationType, t.From)).Distinct()
                .ToDictionary(k => k, k => Plan(reference, k.ContractYear, k.Schedule, k.ParticipationType, k.From));
            var tokens = new Dictionary<Guid, AuthenticationHeaderValue>();
            foreach (var provider in targets.Select(t => t.LeadProviderId).Distinct())
            {
                tokens[provider] = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(ApiRoles.LeadProvider, reference.GetLeadProvider(provider)!.Name));
            }

            var used = order.Take(requests).Select(i => targets[i]).ToList();
            return new Run(app, targets, order, plans, tokens)
            {
                ProvidersUsed = used.Select(t => t.LeadProviderId).Distinct().Count(),
                YearsUsed = [.. used.Select(t => t.ContractYear).Distinct().Order()],
            };
        }

        /// <summary>Whether this build serves the list (a GET of one item answers 200).</summary>
        public async Task<bool> ListRouteExistsAsync()
        {
            using var http = _app.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, Route + "?page[per_page]=1");
            request.Headers.Authorization = _tokens.Values.First();
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }

        /// <summary>
        /// Requests <paramref name="from"/> to <paramref name="to"/> (each the next participant of the shuffled order) from
        /// <paramref name="clients"/> concurrent clients; with <paramref name="readers"/> &gt; 0, that many clients read the list
        /// meanwhile, each a full read of one provider's declarations after another, until the declarations are done.
        /// </summary>
        public async Task<(Measured Writes, Measured? Reads)> DeclareAsync(int from, int to, int clients, int readers)
        {
            using var http = _app.CreateClient(maxConnections: clients + readers + 4);
            var writes = new Measured();
            var reads = readers > 0 ? new Measured() : null;
            var next = from - 1;
            var done = new CancellationTokenSource();
            var watch = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < to)
                {
                    var (status, body, elapsed) = await PostAsync(http, i, idempotencyKey: null);
                    writes.Add(elapsed, status, body);
                    if (status == HttpStatusCode.OK)
                    {
                        _declared[i] = DataId(body);
                    }
                }
            })).ToList();
            var providers = _tokens.Keys.ToArray();
            var listing = Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
            {
                for (var sync = 0; !done.IsCancellationRequested; sync++)
                {
                    var token = _tokens[providers[(r + sync) % providers.Length]];
                    for (var page = 1; !done.IsCancellationRequested; page++)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{Route}?page[per_page]=100&page[page]={page}"));
                        request.Headers.Authorization = token;
                        var started = Stopwatch.GetTimestamp();
                        using var response = await http.SendAsync(request);
                        var body = await response.Content.ReadAsByteArrayAsync();
                        reads!.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode, body);
                        if (response.StatusCode != HttpStatusCode.OK || ItemCount(body) == 0)
                        {
                            break;
                        }
                    }
                }
            })).ToList();
            await Task.WhenAll(writers);
            writes.Elapsed = watch.Elapsed;
            await done.CancelAsync();
            await Task.WhenAll(listing);
            if (reads is not null)
            {
                reads.Elapsed = watch.Elapsed;
            }

            return (writes, reads);
        }

        /// <summary>
        /// Reads back every participant declared for in (a): exactly one declaration, the one the 200 named, holding its milestone; on
        /// a statement that exists when the participant is eligible, submitted otherwise.
        /// </summary>
        public async Task<bool> VerifyAsync(int requests)
        {
            var people = _app.Services.GetRequiredService<PersonDocuments>();
            var statements = _app.Services.GetRequiredService<StatementDocuments>();
            var seenStatements = new HashSet<string>(StringComparer.Ordinal);
            var (once, onStatement, submitted, wrong) = (0, 0, 0, 0);
            string? firstWrong = null;
            for (var i = 0; i < requests; i++)
            {
                var target = _targets[_order[i]];
                var declarations = (await people.ReadAsync(target.PersonId))!.Person.Participations.SelectMany(p => p.Declarations).ToList();
                var declaration = declarations.SingleOrDefault(d => d.Id == _declared[i]);
                var good = declaration is not null && declarations.Count == 1;
                if (good && target.Eligible)
                {
                    good = declaration!.State == DeclarationStates.Eligible && declaration.StatementId is { } statementId
                        && (seenStatements.Contains(statementId) || await statements.ReadAsync(target.LeadProviderId, statementId) is not null);
                    onStatement += good ? 1 : 0;
                    seenStatements.Add(declaration.StatementId ?? "");
                }
                else if (good)
                {
                    good = declaration!.State == DeclarationStates.Submitted && declaration.StatementId is null;
                    submitted += good ? 1 : 0;
                }

                once += good ? 1 : 0;
                if (!good)
                {
                    wrong++;
                    firstWrong ??= $"participant {target.PersonId}: answered {_declared[i] ?? "(no 200)"}, stored {string.Join(", ", declarations.Select(d => $"{d.Id} {d.DeclarationType} {d.State} {d.StatementId}"))}";
                }
            }

            Console.WriteLine(
                $"    check: of {requests:N0} participants declared for, {once:N0} hold exactly the one declaration their 200 named " +
                $"({onStatement:N0} eligible on an existing statement, {submitted:N0} submitted awaiting eligibility), {wrong} otherwise{(firstWrong is null ? "" : $" (first: {firstWrong})")}: {wrong == 0}");
            return wrong == 0;
        }

        /// <summary>(c) <paramref name="count"/> identical declarations at once for the participant at <paramref name="index"/> of the order.</summary>
        public async Task<bool> IdenticalAsync(int index, int count, bool withKey)
        {
            // As many connections as requests, so all of them reach the app at once (the wall time includes opening them).
            using var http = _app.CreateClient(maxConnections: count);
            var key = withKey ? "bench-identical-" + Guid.NewGuid().ToString("N") : null;
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
            {
                await gate.Task;
                return await PostAsync(http, index, key);
            })).ToList();
            var watch = Stopwatch.StartNew();
            gate.SetResult();
            var responses = await Task.WhenAll(sends);
            watch.Stop();

            var target = _targets[_order[index]];
            var stored = (await _app.Services.GetRequiredService<PersonDocuments>().ReadAsync(target.PersonId))!.Person.Participations.SelectMany(p => p.Declarations).ToList();
            var ok = responses.Where(r => r.Status == HttpStatusCode.OK).Select(r => DataId(r.Body)).ToList();
            var duplicates = responses.Count(r => r.Status == HttpStatusCode.UnprocessableEntity && Encoding.UTF8.GetString(r.Body).Contains(DeclarationMessages.AlreadyDeclared, StringComparison.Ordinal));
            var serverErrors = responses.Count(r => (int)r.Status >= 500);
            var other = count - ok.Count - duplicates;
            var exactlyOnce = stored.Count == 1 && ok.Count >= 1 && ok.All(id => id == stored[0].Id) && serverErrors == 0 && other == 0
                && (withKey ? ok.Count == count : ok.Count == 1 && duplicates == count - 1);
            var firstOther = responses.FirstOrDefault(r => r.Status != HttpStatusCode.OK && !Encoding.UTF8.GetString(r.Body).Contains(DeclarationMessages.AlreadyDeclared, StringComparison.Ordinal));
            var keyed = withKey ? "one Idempotency-Key" : "no Idempotency-Key";
            Console.WriteLine(FormattableString.Invariant(
                $"(c) {count:N0} identical POSTs at once, {keyed}: {ok.Count:N0} x 200 ({ok.Distinct().Count()} distinct id), {duplicates:N0} x 422 duplicate, {other:N0} other ({serverErrors} x 5xx); declarations stored: {stored.Count}; wall {watch.Elapsed.TotalSeconds:F2} s"));
            Console.WriteLine(
                $"    check: exactly one declaration, every other answer {(withKey ? "the first response again (200, same id)" : "the duplicate 422")}, no 5xx: {exactlyOnce}" +
                (other > 0 && firstOther.Body is not null ? $" (e.g. {(int)firstOther.Status} {Encoding.UTF8.GetString(firstOther.Body)})" : ""));
            return exactlyOnce;
        }

        private async Task<(HttpStatusCode Status, byte[] Body, double Elapsed)> PostAsync(HttpClient http, int index, string? idempotencyKey)
        {
            var target = _targets[_order[index]];
            var plan = _plans[(target.ContractYear, target.Schedule, target.ParticipationType, target.From)];
            var planned = plan[index % plan.Length];
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                data = new
                {
                    type = "participant-declaration",
                    attributes = new
                    {
                        participant_id = target.PersonId,
                        declaration_type = planned.DeclarationType,
                        declaration_date = planned.DeclarationDate,
                        course_identifier = ParticipationTypes.CourseIdentifier(target.ParticipationType),
                        evidence_held = planned.EvidenceHeld,
                    },
                },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = _tokens[target.LeadProviderId];
            request.Headers.Add(ServerDateHeader, planned.ServerDate);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        /// <summary>
        /// The declarations a participant on <paramref name="schedule"/> in <paramref name="year"/> may make, one per milestone of the
        /// schedule (mentors from 2025 only started and completed), dated ten days into the milestone's window or into the training
        /// from <paramref name="from"/>, whichever is later (the window's cut-off if sooner).
        /// </summary>
        private static Planned[] Plan(ReferenceDataSnapshot reference, int year, string schedule, string participationType, DateOnly from)
        {
            var period = reference.GetContractPeriod(year)!;
            var planned = new List<Planned>();
            foreach (var type in DeclarationType.EcfCore)
            {
                if (reference.GetMilestone(year, schedule, type) is not { } milestone
                    || (participationType == ParticipationTypes.Mentor && period.MentorFunding && type is not (DeclarationType.Started or DeclarationType.Completed)))
                {
                    continue;
                }

                var day = (milestone.StartDate > from ? milestone.StartDate : from).AddDays(10);
                if (milestone.MilestoneDate is { } cutOff && day > cutOff)
                {
                    day = cutOff;
                }

                var server = new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                if (period.PaymentsFrozen(server) || OutputStatements.Next(reference.StatementCalendar, year, DateOnly.FromDateTime(server.UtcDateTime)) is null)
                {
                    continue;
                }

                var evidence = type == DeclarationType.Started ? null
                    : period.DetailedEvidenceTypes ? EvidenceHeldRules.Allowed(type, participationType)[0]
                    : EvidenceHeldRules.TrainingEventAttended;
                planned.Add(new Planned(
                    type,
                    day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00:00Z",
                    server.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    evidence));
            }

            return planned.Count > 0 ? [.. planned] : throw new InvalidOperationException($"No milestone of {schedule} in {year} can be declared.");
        }

        /// <summary>The <c>data.id</c> of a single resource's body.</summary>
        private static string? DataId(byte[] body)
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    return reader.GetString();
                }
            }

            return null;
        }

        /// <summary>How many items a list page's <c>data</c> holds (a forward-only read: the client shares the cores with the app).</summary>
        private static int ItemCount(byte[] body)
        {
            var reader = new Utf8JsonReader(body);
            var items = 0;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
                {
                    items++;
                }
            }

            return items;
        }
    }
}
