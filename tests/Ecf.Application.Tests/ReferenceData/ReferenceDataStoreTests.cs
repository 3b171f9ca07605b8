using System.Text.Json.Nodes;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecf.Application.Tests.ReferenceData;

/// <summary>The seeder and the reader on the real embedded store, in a temporary file.</summary>
public sealed class ReferenceDataStoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecf-refdata-" + Guid.NewGuid().ToString("N"));
    private SqliteDocumentStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteDocumentStore(Path.Combine(_folder, "ecf.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    [Fact]
    public async Task SeedAsync_Twice_WritesEverythingThenNothing()
    {
        var seeder = Seeder();

        var first = await seeder.SeedAsync();
        var second = await seeder.SeedAsync();

        Assert.Equal(455, first.Documents);
        Assert.Equal(first.Documents, first.Written);
        Assert.Equal(new ReferenceSeedResult(455, 0), second);
    }

    [Fact]
    public async Task SeedAsync_StoredDocumentAltered_RewritesOnlyThatDocument()
    {
        var seeder = Seeder();
        await seeder.SeedAsync();
        var container = _store.GetContainer(EcfContainers.Reference);
        var id = ReferenceKinds.EcfScheduleId(2024, "ecf-standard-september");
        var stored = await container.ReadAsync(ReferenceKinds.EcfSchedule, id);
        var body = JsonNode.Parse(stored!.Json.Span)!.AsObject();
        body["data"]!["milestones"]![0]!["startDate"] = "2024-07-01";
        await container.ReplaceAsync(ReferenceKinds.EcfSchedule, id, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), stored.ETag);

        var result = await seeder.SeedAsync();
        var reader = Reader();
        var started = await reader.GetMilestoneAsync(2024, "ecf-standard-september", "started");

        Assert.Equal(1, result.Written);
        Assert.Equal(new DateOnly(2024, 6, 1), started?.StartDate);
    }

    [Fact]
    public async Task SeedAsync_StaleDocumentOfSeededKind_RemovesItAndLeavesOtherKinds()
    {
        var container = await EnsureReferenceContainerAsync();
        await container.CreateAsync("delivery-partner", "delivery-partner:gone", new { id = "delivery-partner:gone", kind = "delivery-partner" });
        await container.CreateAsync("api-token", "api-token:x", new { id = "api-token:x", kind = "api-token" });

        var result = await Seeder().SeedAsync();

        Assert.Equal(1, result.Removed);
        Assert.Null(await container.ReadAsync("delivery-partner", "delivery-partner:gone"));
        Assert.NotNull(await container.ReadAsync("api-token", "api-token:x"));
    }

    [Fact]
    public async Task IsLoadedAsync_BeforeAndAfterSeed_FalseThenTrue()
    {
        var reader = Reader();

        Assert.False(await reader.IsLoadedAsync());
        await Seeder().SeedAsync();
        Assert.True(await reader.IsLoadedAsync());
    }

    [Fact]
    public async Task GetSnapshotAsync_AfterSeed_HasEveryKindWithExpectedCounts()
    {
        await Seeder().SeedAsync();

        var snapshot = await Reader().GetSnapshotAsync();

        Assert.Equal(6, snapshot.ContractPeriods.Count);
        Assert.Equal(72, snapshot.Schedules.Count);
        Assert.Equal(46, snapshot.NpqSchedules.Count);
        Assert.Equal(194, snapshot.StatementCalendar.Count);
        Assert.Equal(7, snapshot.LeadProviders.Count(p => p.DeliversEcf));
        Assert.Equal(8, snapshot.LeadProviders.Count(p => p.DeliversNpq));
        Assert.Equal(20, snapshot.DeliveryPartners.Count);
        Assert.Equal(ReferenceSeedDocuments.Embedded.Seed.Relationships.Count, snapshot.Relationships.Count);
    }

    [Fact]
    public async Task Reader_AfterSeed_AnswersScheduleCalendarAndPeriodFacts()
    {
        await Seeder().SeedAsync();
        var reader = Reader();

        var schedule = await reader.GetScheduleAsync(2024, "ecf-standard-september");
        var extended = await reader.GetScheduleAsync(2022, "ecf-extended-april");
        var calendar = await reader.GetStatementCalendarAsync(2025);
        var p2021 = await reader.GetContractPeriodAsync(2021);
        var p2025 = await reader.GetContractPeriodAsync(2025);

        Assert.Equal(new DateOnly(2024, 11, 30), schedule?.FindMilestone("started")?.PaymentDate);
        Assert.Equal(9, extended?.Milestones.Count);
        Assert.Equal([1, 4, 8, 10], calendar.Where(e => e.OutputFee).Select(e => e.Month).Distinct().Order());
        Assert.True(calendar.Zip(calendar.Skip(1)).All(pair => pair.First.DeadlineDate < pair.Second.DeadlineDate));
        Assert.True(p2021!.PaymentsFrozen(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(p2025!.MentorFunding && p2025.DetailedEvidenceTypes);
        Assert.Null(await reader.GetScheduleAsync(2020, "ecf-standard-september"));
        Assert.Equal(12, (await reader.GetSchedulesAsync(2026)).Count);
    }

    [Theory]
    [InlineData("teach first")]
    [InlineData("TEACH FIRST")]
    [InlineData("  Teach First ")]
    public async Task FindLeadProviderByNameAsync_AnyCase_FindsProvider(string name)
    {
        await Seeder().SeedAsync();

        var provider = await Reader().FindLeadProviderByNameAsync(name);

        Assert.Equal("Teach First", provider?.Name);
        Assert.True(provider!.DeliversEcf && provider.DeliversNpq);
    }

    [Fact]
    public async Task FindLeadProviderByNameAsync_UnknownName_ReturnsNull()
    {
        await Seeder().SeedAsync();

        Assert.Null(await Reader().FindLeadProviderByNameAsync("Teach Fast"));
    }

    [Fact]
    public async Task GetRelationshipsAsync_ProviderAndYear_ReturnsItsDeliveryPartners()
    {
        await Seeder().SeedAsync();
        var reader = Reader();
        var ambition = await reader.FindLeadProviderByNameAsync("Ambition Institute");
        var capita = await reader.FindLeadProviderByNameAsync("Capita");

        var ambition2024 = await reader.GetRelationshipsAsync(ambition!.Id, 2024);
        var capita2024 = await reader.GetRelationshipsAsync(capita!.Id, 2024);
        var names = new List<string>();
        foreach (var relationship in ambition2024)
        {
            names.Add((await reader.GetDeliveryPartnerAsync(relationship.DeliveryPartnerId))!.Name);
        }

        Assert.Contains("Artisan Education Group", names);
        Assert.Empty(capita2024);
        Assert.Equal(ambition, await reader.GetLeadProviderAsync(ambition.Id));
    }

    [Fact]
    public async Task GetSnapshotAsync_AfterLoad_ServesCacheUntilInvalidated()
    {
        var seeder = Seeder();
        await seeder.SeedAsync();
        var reader = Reader();
        var first = await reader.GetSnapshotAsync();
        var container = _store.GetContainer(EcfContainers.Reference);
        await container.DeleteAsync(ReferenceKinds.ContractPeriod, ReferenceKinds.ContractPeriodId(2026));

        var cached = await reader.GetSnapshotAsync();
        reader.Invalidate();
        var reloaded = await reader.GetSnapshotAsync();

        Assert.Same(first, cached);
        Assert.Equal(5, reloaded.ContractPeriods.Count);
    }

    [Fact]
    public async Task GetSnapshotAsync_BeforeSeed_IsEmptyAndNotCached()
    {
        var reader = Reader();

        var before = await reader.GetSnapshotAsync();
        await Seeder().SeedAsync();
        var after = await reader.GetSnapshotAsync();

        Assert.Empty(before.LeadProviders);
        Assert.Equal(10, after.LeadProviders.Count);
    }

    [Fact]
    public async Task AddEcfReferenceData_WithStore_ResolvesSeederAndOneCachedReader()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDocumentStore>(_store);
        services.AddLogging();
        services.AddEcfReferenceData();
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IReferenceDataSeeder>().SeedAsync();

        Assert.Equal(455, result.Written);
        Assert.Same(provider.GetRequiredService<IReferenceData>(), provider.GetRequiredService<Application.ReferenceData.ReferenceData>());
        Assert.True(await provider.GetRequiredService<IReferenceData>().IsLoadedAsync());
    }

    private ReferenceDataSeeder Seeder() =>
        new(_store, ReferenceSeedDocuments.Embedded, TimeProvider.System, NullLogger<ReferenceDataSeeder>.Instance);

    private Application.ReferenceData.ReferenceData Reader() => new(_store, ReferenceSeedDocuments.Embedded);

    private async Task<IDocumentContainer> EnsureReferenceContainerAsync()
    {
        await _store.EnsureContainersAsync(EcfContainers.All);
        return _store.GetContainer(EcfContainers.Reference);
    }
}
