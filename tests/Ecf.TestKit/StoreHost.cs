using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.TestKit;

/// <summary>
/// The real embedded store in a temporary folder with every container, the reference data seeded, a clock the test sets,
/// and the application services the test adds: what a handler, a projector or an orchestration runs on in production,
/// without HTTP.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private StoreHost(TempDatabase database, SqliteDocumentStore store, ServiceProvider services, TestClock clock, ReferenceDataSnapshot reference)
    {
        _database = database;
        Store = store;
        Services = services;
        Clock = clock;
        Reference = reference;
    }

    public SqliteDocumentStore Store { get; }

    /// <summary>The database file, in a temporary folder of its own (a child process can be started on it).</summary>
    public string DatabasePath => _database.Path;

    public ServiceProvider Services { get; }

    public TestClock Clock { get; }

    public ReferenceDataSnapshot Reference { get; }

    /// <summary>The clock's start when a test gives none: a school day in the 2025 contract year.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 10, 15, 9, 0, 0, TimeSpan.Zero);

    /// <param name="addServices">The application services under test (e.g. <c>s => s.AddEcfPeople()</c>).</param>
    /// <param name="now">The clock's start.</param>
    public static async Task<StoreHost> StartAsync(Action<IServiceCollection>? addServices = null, DateTimeOffset? now = null)
    {
        var database = new TempDatabase("ecf.db");
        var store = new SqliteDocumentStore(database.Path);
        await store.EnsureContainersAsync(EcfContainers.All);
        var clock = new TestClock(now ?? DefaultNow);
        var collection = new ServiceCollection()
            .AddSingleton<IDocumentStore>(store)
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddEcfReferenceData();
        addServices?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<IReferenceDataSeeder>().SeedAsync();
        var reference = await services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        return new StoreHost(database, store, services, clock, reference);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public IDocumentContainer Container(string name) => Store.GetContainer(name);

    /// <summary>
    /// An open, eligible community school (type 1 in an English district), or one of the type and status given, written as
    /// the GIAS import writes it (needs <c>AddEcfPeople</c> or another registration of <see cref="SchoolDocuments"/>).
    /// </summary>
    public async Task<School> AddSchoolAsync(int urn, string typeCode = "1", string statusCode = "1")
    {
        var facts = new GiasFacts { Urn = urn, Name = $"School {urn}", TypeCode = typeCode, StatusCode = statusCode, DistrictAdministrativeCode = "E09000001" };
        var decision = SchoolDecider.ApplyFacts(null, facts, new SchoolChangeContext(Clock.GetUtcNow(), "test", "test"));
        var lost = await Get<SchoolDocuments>().WriteAsync([(decision.School!, null)]);
        return lost.Count == 0 ? decision.School! : throw new InvalidOperationException($"School {urn} was not written.");
    }

    /// <summary>A lead provider with an ECF contract in <paramref name="year"/> and one of its delivery partners that year.</summary>
    public (LeadProvider Provider, DeliveryPartner Partner) ProviderWithPartner(int year, int skip = 0)
    {
        var relationship = Reference.Relationships.Where(r => r.ContractYear == year).GroupBy(r => r.LeadProviderId).Skip(skip).First().First();
        return (Reference.GetLeadProvider(relationship.LeadProviderId)!, Reference.GetDeliveryPartner(relationship.DeliveryPartnerId)!);
    }

    /// <summary>The lead providers that deliver ECF training, in reference-data order.</summary>
    public IReadOnlyList<Guid> EcfProviders => [.. Reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id)];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
