using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Tests.People;

/// <summary>The real embedded store in a temp folder, seeded reference data, a settable clock, and helpers to add schools.</summary>
public sealed class PeopleTestHost : IAsyncDisposable
{
    private readonly string _folder;

    private PeopleTestHost(string folder, SqliteDocumentStore store, ServiceProvider services, SettableClock clock)
    {
        _folder = folder;
        Store = store;
        Services = services;
        Clock = clock;
    }

    public SqliteDocumentStore Store { get; }

    public ServiceProvider Services { get; }

    public SettableClock Clock { get; }

    public ReferenceDataSnapshot Reference { get; private set; } = null!;

    /// <param name="now">The clock's start.</param>
    /// <param name="providerViews">Also the provider views (registrations and partnership changes then project them).</param>
    public static async Task<PeopleTestHost> StartAsync(DateTimeOffset? now = null, bool providerViews = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecf-people-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = new SqliteDocumentStore(Path.Combine(folder, "ecf.db"));
        await store.EnsureContainersAsync(EcfContainers.All);
        var clock = new SettableClock(now ?? new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection()
            .AddSingleton<IDocumentStore>(store)
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddEcfReferenceData()
            .AddEcfPeople()
            .AddSingleton<GetEcfSchoolHandler>()
            .AddSingleton<ImportSchoolUpliftsHandler>();
        if (providerViews)
        {
            collection.AddEcfProviderViews();
        }

        var services = collection.BuildServiceProvider();
        var host = new PeopleTestHost(folder, store, services, clock);
        await services.GetRequiredService<IReferenceDataSeeder>().SeedAsync();
        host.Reference = await services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        return host;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An open, eligible community school (type 1 in an English district), or one with the type given.</summary>
    public async Task<School> AddSchoolAsync(int urn, string typeCode = "1", string statusCode = "1")
    {
        var facts = new GiasFacts { Urn = urn, Name = $"School {urn}", TypeCode = typeCode, StatusCode = statusCode, DistrictAdministrativeCode = "E09000001" };
        var decision = SchoolDecider.ApplyFacts(null, facts, new SchoolChangeContext(Clock.GetUtcNow(), "test", "test"));
        var lost = await Get<SchoolDocuments>().WriteAsync([(decision.School!, null)]);
        Assert.Empty(lost);
        return decision.School!;
    }

    /// <summary>A lead provider with an ECF contract in <paramref name="year"/> and one of its delivery partners that year.</summary>
    public (LeadProvider Provider, DeliveryPartner Partner) ProviderWithPartner(int year, int skip = 0)
    {
        var relationship = Reference.Relationships.Where(r => r.ContractYear == year).GroupBy(r => r.LeadProviderId).Skip(skip).First().First();
        return (Reference.GetLeadProvider(relationship.LeadProviderId)!, Reference.GetDeliveryPartner(relationship.DeliveryPartnerId)!);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}

public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
