using System.Text.Json;
using Ecf.Application.Gias;
using Ecf.Domain.Schools;
using Ecf.Orchestrations.Gias;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// The runtime delivers an activity at least once (a host killed after the activity's writes runs it again), so each GIAS activity
/// run twice with the same input on the real store has one effect: the second run writes nothing and answers the same.
/// </summary>
public sealed class GiasActivityIdempotencyTests
{
    private static readonly DateOnly Day1 = new(2025, 3, 1);
    private static readonly DateOnly Day2 = new(2025, 3, 2);
    private static readonly TaskActivityContext Context = new Mock<TaskActivityContext>().Object;

    [Fact]
    public async Task GiasPrepareImport_RunTwice_KeepsTheSameFilesAndGivesTheSamePlan()
    {
        // Arrange
        await using var harness = await GiasHarness.StartAsync(startHost: false);
        var activity = harness.Application.GetRequiredService<PrepareGiasImportHandler>();
        var input = new GiasPrepareInput(GiasHarness.Fixture("day1_edubasealldata.csv"), GiasHarness.Fixture("day1_links.csv"), Day1);

        // Act
        var first = await new GiasPrepareImportActivity(activity).RunAsync(Context, input);
        var filesAfterFirst = Files(harness.FilesFolder);
        var second = await new GiasPrepareImportActivity(activity).RunAsync(Context, input);

        // Assert
        Assert.NotNull(first.Plan);
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Equal(2, filesAfterFirst.Count);
        Assert.Equal(filesAfterFirst, Files(harness.FilesFolder));
    }

    [Fact]
    public async Task GiasImportBatch_RunTwice_WritesOnceAndAnswersTheSameRows()
    {
        // Arrange
        await using var harness = await GiasHarness.StartAsync(startHost: false);
        var plan = await PrepareAsync(harness, "day1_edubasealldata.csv", "day1_links.csv", Day1);
        var input = new GiasBatchInput(plan.ExtractFile, plan.Batches[0], "gias-1", new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var activity = new GiasImportBatchActivity(harness.Application.GetRequiredService<ImportGiasBatchHandler>());

        // Act
        var first = await activity.RunAsync(Context, input);
        var schools = Snapshot(await harness.AllSchoolsAsync());
        var second = await activity.RunAsync(Context, input);

        // Assert
        Assert.Equal((4, 4, 4), (first.Read, first.Created, first.Written));
        Assert.Equal((4, 0, 0, 4), (second.Read, second.Created + second.Updated, second.Written, second.Unchanged));
        Assert.Equal(schools, Snapshot(await harness.AllSchoolsAsync()));
        Assert.Equal(4, schools.Count);
    }

    [Fact]
    public async Task GiasImportBatch_BatchWithDuplicatesRunTwice_RejectsTheSameRowsAndKeepsTheFirstSchool()
    {
        // Arrange: rows 14-17, the last batch, repeat the URNs of rows 2 and 16; every earlier batch has run.
        await using var harness = await GiasHarness.StartAsync(startHost: false);
        var plan = await PrepareAsync(harness, "duplicates_edubasealldata.csv", "day1_links.csv", Day1);
        var activity = new GiasImportBatchActivity(harness.Application.GetRequiredService<ImportGiasBatchHandler>());
        var at = new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
        foreach (var batch in plan.Batches.SkipLast(1))
        {
            await activity.RunAsync(Context, new GiasBatchInput(plan.ExtractFile, batch, "gias-1", at));
        }

        var last = new GiasBatchInput(plan.ExtractFile, plan.Batches[^1], "gias-1", at);

        // Act
        var first = await activity.RunAsync(Context, last);
        var schools = Snapshot(await harness.AllSchoolsAsync());
        var second = await activity.RunAsync(Context, last);

        // Assert
        Assert.Equal(14, last.Batch.FirstRow);
        Assert.Equal([14, 15, 17], first.Rejected.Select(r => r.Row).Order());
        Assert.Equal(first.Rejected, second.Rejected);
        Assert.Equal(0, second.Written);
        Assert.Contains(second.Rejected, r => r.Row == 15 && r.Reason == "Duplicate URN 100001, first seen at row 2.");
        Assert.Equal(schools, Snapshot(await harness.AllSchoolsAsync()));
        Assert.Equal("Alpha Primary School", (await harness.SchoolByUrnAsync(100001))!.Name);
        Assert.Equal("Omega Primary School", (await harness.SchoolByUrnAsync(100015))!.Name);
        Assert.Equal(12, schools.Count);
    }

    [Fact]
    public async Task GiasApplyLinks_RunTwice_AppliesEachLinkOnce()
    {
        // Arrange: day 1 imported; day 2's rows imported, its links not yet applied.
        await using var harness = await GiasHarness.StartAsync(startHost: false);
        var day1 = await PrepareAsync(harness, "day1_edubasealldata.csv", "day1_links.csv", Day1);
        await ImportBatchesAsync(harness, day1, new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var day2 = await PrepareAsync(harness, "day2_edubasealldata.csv", "day2_links.csv", Day2);
        var at = new DateTimeOffset(2025, 3, 2, 2, 0, 0, TimeSpan.Zero);
        await ImportBatchesAsync(harness, day2, at);
        var activity = new GiasApplyLinksActivity(harness.Application.GetRequiredService<ApplyGiasLinksHandler>());
        var input = new GiasLinksInput(day2.LinksFile, "gias-2", at);

        // Act
        var first = await activity.RunAsync(Context, input);
        var schools = Snapshot(await harness.AllSchoolsAsync());
        var second = await activity.RunAsync(Context, input);

        // Assert
        Assert.Equal((1, 2), (first.Academised, first.Merged));
        Assert.True(first.Written > 0);
        Assert.Equal((0, 0, 0, 3), (second.Academised, second.Merged, second.Written, second.AlreadyApplied));
        Assert.Equal(schools, Snapshot(await harness.AllSchoolsAsync()));
    }

    private static async Task<GiasImportPlan> PrepareAsync(GiasHarness harness, string extract, string links, DateOnly day)
    {
        var prepared = await new GiasPrepareImportActivity(harness.Application.GetRequiredService<PrepareGiasImportHandler>())
            .RunAsync(Context, new GiasPrepareInput(GiasHarness.Fixture(extract), GiasHarness.Fixture(links), day));
        return prepared.Plan ?? throw new InvalidOperationException(prepared.Error);
    }

    private static async Task ImportBatchesAsync(GiasHarness harness, GiasImportPlan plan, DateTimeOffset at)
    {
        var activity = new GiasImportBatchActivity(harness.Application.GetRequiredService<ImportGiasBatchHandler>());
        foreach (var batch in plan.Batches)
        {
            await activity.RunAsync(Context, new GiasBatchInput(plan.ExtractFile, batch, "gias", at));
        }
    }

    /// <summary>Each school as stored: a rewrite changes its JSON (updated_at, timeline).</summary>
    private static List<string> Snapshot(IEnumerable<School> schools) =>
        [.. schools.Select(s => JsonSerializer.Serialize(s)).Order(StringComparer.Ordinal)];

    private static List<(string Name, long Length)> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(folder, f), new FileInfo(f).Length)).Order()];
}
