using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ecf.Application.Declarations;
using Ecf.Application.People;
using Ecf.Application.Statements;
using Ecf.Domain.Declarations;
using Ecf.Functions.Tests.Edge;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.TestKit;
using Xunit.Abstractions;

namespace Ecf.Functions.Tests.Declarations;

/// <summary>
/// A <c>kill -9</c> of the real app (<c>dotnet run</c>, Kestrel, the embedded store in a temporary folder) during a burst of
/// declarations from concurrent clients, each sent with an Idempotency-Key of its own; then the app started again on the same
/// store and every request sent again with its key. Schools are written into the store as the GIAS import writes them; the
/// partnerships, ECT registrations and funding-eligibility decisions go through the app's own routes.
/// </summary>
public sealed class DeclarationCrashTests(ITestOutputHelper output)
{
    private const string ServerDate = "2025-10-15T09:00:00Z";
    private const int Ects = 40;
    private const int KillAfter = 80;
    private const int Clients = 8;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Every milestone of the 2025 standard schedule, dated in sequence, so any order of arrival is accepted.</summary>
    private static readonly (string Type, string Date, string? Evidence)[] Milestones =
    [
        ("started", "2025-10-01T10:00:00Z", null),
        ("retained-1", "2025-10-02T10:00:00Z", EvidenceHeldRules.TrainingEventAttended),
        ("retained-2", "2025-10-03T10:00:00Z", EvidenceHeldRules.EngagementMet),
        ("retained-3", "2025-10-04T10:00:00Z", EvidenceHeldRules.TrainingEventAttended),
        ("retained-4", "2025-10-05T10:00:00Z", EvidenceHeldRules.TrainingEventAttended),
        ("completed", "2025-10-06T10:00:00Z", EvidenceHeldRules.EngagementMet),
    ];

    [Fact]
    public async Task Declare_AppKilledMidBurst_EveryAnsweredDeclarationKeptOnceAndEveryKeySentAgainMakesExactlyOne()
    {
        // Arrange: two providers, each in partnership with a school, and their ECTs, three in four decided eligible.
        await using var store = await StoreHost.StartAsync(services => services.AddEcfPeople());
        var folder = Path.GetDirectoryName(store.DatabasePath)!;
        var providers = new[] { store.ProviderWithPartner(2025, 0), store.ProviderWithPartner(2025, 1) };
        var schools = new[] { await store.AddSchoolAsync(981001), await store.AddSchoolAsync(981002) };
        var ects = new List<Ect>();
        Request[] requests;
        var answered = new Dictionary<string, (HttpStatusCode Status, string Body)>(StringComparer.Ordinal);
        int exitCode;
        IReadOnlyList<(Ect Ect, Declaration Declaration)> atKill;
        await using (var first = await StartAppAsync(folder))
        {
            for (var s = 0; s < schools.Length; s++)
            {
                using var provider = first.Client(first.Process.LocalToken("lead_provider", providers[s].Provider.Name));
                await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v3/partnerships/ecf", PartnershipBody(schools[s].SchoolId, providers[s].Partner.Id)), HttpStatusCode.OK);
            }

            using (var schoolService = first.Client(first.Process.LocalToken("school_service")))
            using (var admin = first.Client(first.Process.LocalToken("admin")))
            {
                for (var n = 0; n < Ects; n++)
                {
                    var registered = await HttpAssert.JsonAsync(await schoolService.PostAsJsonAsync("/api/registrations/ects", RegistrationBody(n, schools[n % 2].Urn)), HttpStatusCode.Created);
                    var ect = new Ect(Id(registered), registered.GetProperty("data").GetProperty("attributes").GetProperty("training_record_id").GetString()!, n % 2, n % 4 != 3);
                    ects.Add(ect);
                    if (ect.Eligible)
                    {
                        await HttpAssert.JsonAsync(
                            await admin.PutAsJsonAsync(
                                $"/api/people/{ect.PersonId}/participations/{ect.TrainingRecordId}/eligibility",
                                new { status = "eligible", reason = "induction_confirmed", from = "2025-09-01", note = "Checked" }),
                            HttpStatusCode.OK);
                    }
                }
            }

            requests = [.. ects.SelectMany((ect, n) => Milestones.Select(m => new Request($"crash-{n}-{m.Type}", ect, DeclarationBody(ect.PersonId, m.Type, m.Date, m.Evidence))))];
            new Random(20251015).Shuffle(requests); // several clients write to one person at once

            // Act: the burst, and a kill -9 once enough of it has been answered.
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var providerClients = providers.Select(p => first.Client(first.Process.LocalToken("lead_provider", p.Provider.Name))).ToArray();
            var next = -1;
            var burst = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests.Length)
                {
                    var request = requests[i];
                    try
                    {
                        using var message = request.Message();
                        using var response = await providerClients[request.Ect.Provider].SendAsync(message);
                        var body = await response.Content.ReadAsStringAsync();
                        lock (answered)
                        {
                            answered[request.Key] = (response.StatusCode, body);
                            if (answered.Count >= KillAfter)
                            {
                                enough.TrySetResult();
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException)
                    {
                        // No response: the app was killed before it answered (or before the request reached it).
                    }
                }
            })).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            exitCode = await first.Process.KillAsync();
            await Task.WhenAll(burst);
            atKill = await DeclarationsAsync(store, ects);
            foreach (var client in providerClients)
            {
                client.Dispose();
            }
        }

        var retried = new Dictionary<string, (HttpStatusCode Status, string Body)>(StringComparer.Ordinal);
        await using (var second = await StartAppAsync(folder))
        {
            var providerClients = providers.Select(p => second.Client(second.Process.LocalToken("lead_provider", p.Provider.Name))).ToArray();
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                foreach (var request in requests.Where((_, i) => i % Clients == c))
                {
                    using var message = request.Message();
                    using var response = await providerClients[request.Ect.Provider].SendAsync(message);
                    var body = await response.Content.ReadAsStringAsync();
                    lock (retried)
                    {
                        retried[request.Key] = (response.StatusCode, body);
                    }
                }
            })));
            foreach (var client in providerClients)
            {
                client.Dispose();
            }
        }

        // Assert
        var unanswered = requests.Length - answered.Count;
        output.WriteLine($"killed (exit {exitCode}) with {answered.Count} of {requests.Length} declarations answered, {unanswered} not; " +
            $"{atKill.Count} in the store at the kill; all sent again after the restart");
        Assert.Equal(137, exitCode);
        Assert.InRange(answered.Count, KillAfter, requests.Length - 1);
        Assert.All(answered, a => Assert.True(a.Value.Status == HttpStatusCode.OK, $"{a.Key} answered {(int)a.Value.Status} before the kill: {a.Value.Body}"));
        Assert.All(retried, r => Assert.True(r.Value.Status == HttpStatusCode.OK, $"{r.Key} answered {(int)r.Value.Status} after the restart: {r.Value.Body}"));
        var idByKey = retried.ToDictionary(r => r.Key, r => DeclarationId(r.Value.Body), StringComparer.Ordinal);
        foreach (var (key, (_, body)) in answered)
        {
            Assert.Equal(DeclarationId(body), idByKey[key]);
        }

        foreach (var request in requests)
        {
            Assert.Equal(RecordDeclarationHandler.DerivedId(providers[request.Ect.Provider].Provider.Id, request.Key), idByKey[request.Key]);
        }

        Assert.Superset(answered.Keys.Select(k => idByKey[k]).ToHashSet(StringComparer.Ordinal), atKill.Select(s => s.Declaration.Id).ToHashSet(StringComparer.Ordinal));
        var stored = await DeclarationsAsync(store, ects);
        foreach (var ect in ects)
        {
            Assert.Equal(
                Milestones.Select(m => m.Type).Order(StringComparer.Ordinal),
                stored.Where(s => s.Ect == ect && DeclarationStates.HoldsSlot(s.Declaration.State)).Select(s => s.Declaration.DeclarationType).Order(StringComparer.Ordinal));
        }

        var statements = new StatementDocuments(store.Store);

        Assert.Equal(idByKey.Values.Order(StringComparer.Ordinal), stored.Select(s => s.Declaration.Id).Order(StringComparer.Ordinal));
        var calendar = store.Reference.StatementCalendar;
        foreach (var (ect, declaration) in stored)
        {
            var providerId = providers[ect.Provider].Provider.Id;
            if (ect.Eligible)
            {
                var statementId = OutputStatements.StatementId(providerId, OutputStatements.Next(calendar, 2025, new DateOnly(2025, 10, 15))!);
                Assert.Equal((DeclarationStates.Eligible, statementId), (declaration.State, declaration.StatementId));
                Assert.NotNull(await statements.ReadAsync(providerId, statementId));
            }
            else
            {
                Assert.Equal((DeclarationStates.Submitted, (string?)null), (declaration.State, declaration.StatementId));
            }
        }
    }

    /// <summary>Every declaration of the ECTs, read from the store.</summary>
    private static async Task<IReadOnlyList<(Ect Ect, Declaration Declaration)>> DeclarationsAsync(StoreHost store, IEnumerable<Ect> ects)
    {
        var people = store.Get<PersonDocuments>();
        var declarations = new List<(Ect, Declaration)>();
        foreach (var ect in ects)
        {
            var person = (await people.ReadAsync(ect.PersonId))!.Person;
            declarations.AddRange(person.Participations.SelectMany(p => p.Declarations).Select(d => (ect, d)));
        }

        return declarations;
    }

    private static async Task<App> StartAppAsync(string folder)
    {
        var address = new Uri($"http://127.0.0.1:{EcfProcess.FreeLoopbackPort()}");
        var process = EcfProcess.Start(
            [],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = address.ToString(),
                // Nothing here runs an orchestration: the task hub in memory starts faster than on an Azurite of its own.
                ["LocalDurable__Backend"] = "InMemory",
            },
            folder);
        try
        {
            using var _ = await process.WaitUntilServingAsync(address, StartTimeout);
            return new App(process, address);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private static string Id(JsonElement response) => response.GetProperty("data").GetProperty("id").GetString()!;

    private static string DeclarationId(string body)
    {
        using var document = JsonDocument.Parse(body);
        return Id(document.RootElement);
    }

    private static object PartnershipBody(string schoolId, Guid partnerId) =>
        new { data = new { type = "ecf-partnership", attributes = new { cohort = "2025", school_id = schoolId, delivery_partner_id = partnerId } } };

    /// <summary>An ECT starting induction on 1 September 2025 at the school, trained through the school's partnership.</summary>
    private static object RegistrationBody(int n, int urn) => new
    {
        data = new
        {
            type = "ect-registration",
            attributes = new
            {
                trn = (3_100_000 + n).ToString(CultureInfo.InvariantCulture),
                full_name = $"Early Career Teacher {n}",
                date_of_birth = "1990-01-31",
                email = $"ect{n}@example.org",
                school_urn = urn.ToString(CultureInfo.InvariantCulture),
                induction_start_date = "2025-09-01",
                training_programme = "provider_led",
                lead_provider_id = (Guid?)null,
                delivery_partner_id = (Guid?)null,
            },
        },
    };

    private static object DeclarationBody(string personId, string type, string date, string? evidence) => new
    {
        data = new
        {
            type = "participant-declaration",
            attributes = new { participant_id = personId, declaration_type = type, declaration_date = date, course_identifier = "ecf-induction", evidence_held = evidence },
        },
    };

    /// <param name="Provider">The index of the provider (and school) that trains the ECT.</param>
    private sealed record Ect(string PersonId, string TrainingRecordId, int Provider, bool Eligible);

    /// <summary>One declaration of the burst, sent with its own Idempotency-Key, the same request every time it is sent.</summary>
    private sealed record Request(string Key, Ect Ect, object Body)
    {
        public HttpRequestMessage Message()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/v3/participant-declarations") { Content = JsonContent.Create(Body) };
            message.Headers.Add("Idempotency-Key", Key);
            return message;
        }
    }

    /// <summary>The app in its process, and clients of it at the sandbox date.</summary>
    private sealed record App(EcfProcess Process, Uri Address) : IAsyncDisposable
    {
        public HttpClient Client(string token)
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            client.DefaultRequestHeaders.Add("X-With-Server-Date", ServerDate);
            return client;
        }

        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
