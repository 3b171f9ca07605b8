using Ecf.Domain.Schools;
using Ecf.Orchestrations.Gias;
using Microsoft.DurableTask.Client;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>The whole GIAS import through the durable runtime, on the real embedded store, with the project's own fixtures.</summary>
public sealed class GiasImportFlowTests
{
    [Fact]
    public async Task GiasImport_FirstDay_CreatesSchoolsWithFlagsAndRejectsBadRows()
    {
        await using var harness = await GiasHarness.StartAsync();

        var run = await harness.RunAsync("day1_edubasealldata.csv", "day1_links.csv");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal(13, output.Read);
        Assert.Equal(11, output.Created);
        Assert.Equal(2, output.RejectedCount);
        Assert.Contains(output.Rejected, r => r.Row == 13 && r.Reason.Contains("not a number", StringComparison.Ordinal));
        Assert.Contains(output.Rejected, r => r.Row == 14 && r.Reason.Contains("Bad encoding in EstablishmentName", StringComparison.Ordinal));
        Assert.Null(await harness.SchoolByUrnAsync(100013));

        var alpha = (await harness.SchoolByUrnAsync(100001))!;
        Assert.Equal(SchoolIds.ForUrn(100001), alpha.SchoolId);
        Assert.Equal(new SchoolEligibility(Open: true, InEngland: true, EligibleForFunding: true, CipOnly: false), alpha.Eligibility);
        Assert.Equal(SchoolEventTypes.Created, Assert.Single(alpha.Timeline).Type);

        var secure = (await harness.SchoolByUrnAsync(100007))!;
        Assert.False(secure.Eligibility.EligibleForFunding);
        Assert.False(secure.Eligibility.CipOnly);

        var independent = (await harness.SchoolByUrnAsync(100008))!;
        Assert.True(independent.Eligibility.CipOnly);
        Assert.False(independent.Eligibility.EligibleForFunding);

        var welsh = (await harness.SchoolByUrnAsync(100009))!;
        Assert.False(welsh.Eligibility.InEngland);
        Assert.False(welsh.Eligibility.EligibleForFunding);
        Assert.True(welsh.Eligibility.CipOnly);

        var section41 = (await harness.SchoolByUrnAsync(100010))!;
        Assert.True(section41.Eligibility.EligibleForFunding);
        Assert.False(section41.Eligibility.CipOnly);

        Assert.Equal("École Française de Londres", (await harness.SchoolByUrnAsync(100011))!.Name);

        var listed = (await harness.ListingsAsync()).Where(l => l.Listed).Select(l => l.Urn).Order().ToList();
        Assert.Equal([100001, 100002, 100003, 100004, 100005, 100006, 100010, 100011], listed);
    }

    [Fact]
    public async Task GiasImport_SameFilesAgain_WritesNothing()
    {
        await using var harness = await GiasHarness.StartAsync();
        await harness.RunAsync("day1_edubasealldata.csv", "day1_links.csv");
        await harness.RunAsync("day2_edubasealldata.csv", "day2_links.csv");
        var before = await harness.AllSchoolsAsync();

        var rerun = await harness.RunAsync("day2_edubasealldata.csv", "day2_links.csv");

        var output = rerun.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, rerun.RuntimeStatus);
        Assert.Equal(0, output.Written);
        Assert.Equal(0, output.Created + output.Updated);
        Assert.Equal(0, output.Links.Academised + output.Links.Merged);
        var after = await harness.AllSchoolsAsync();
        Assert.Equal(before.Select(s => (s.SchoolId, s.UpdatedAt, s.Timeline.Count)).Order(), after.Select(s => (s.SchoolId, s.UpdatedAt, s.Timeline.Count)).Order());
    }

    [Fact]
    public async Task GiasImport_SecondDay_RenamesClosesAcademisesAndMerges()
    {
        await using var harness = await GiasHarness.StartAsync();
        await harness.RunAsync("day1_edubasealldata.csv", "day1_links.csv");
        var deltaId = (await harness.SchoolByUrnAsync(100004))!.SchoolId;

        var run = await harness.RunAsync("day2_edubasealldata.csv", "day2_links.csv");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal(1, output.Links.Academised);
        Assert.Equal(2, output.Links.Merged);

        var beta = (await harness.SchoolByUrnAsync(100002))!;
        Assert.Equal("Beta Academy Primary", beta.Name);
        var renamed = beta.Timeline.Single(e => e.Type == SchoolEventTypes.DetailsChanged);
        Assert.Equal("Beta Academy Primary", renamed.Changes!["name"]);

        var gamma = (await harness.SchoolByUrnAsync(100003))!;
        Assert.Equal(SchoolStatus.Closed, gamma.Status);
        Assert.False(gamma.Eligibility.Open);
        Assert.Contains(gamma.Timeline, e => e.Type == SchoolEventTypes.Closed);

        // Academisation: the school keeps its id and gains the successor's URN; the academy's URN resolves to it.
        var delta = (await harness.SchoolByUrnAsync(140004))!;
        Assert.Equal(deltaId, delta.SchoolId);
        Assert.Equal(140004, delta.Urn);
        Assert.Equal([100004, 140004], delta.Urns.Select(u => u.Urn));
        Assert.Equal(UrnReasons.Successor, delta.Urns[1].Reason);
        Assert.Equal(SchoolStatus.Active, delta.Status);
        Assert.Equal("Delta Academy", delta.Name);
        Assert.True(delta.Eligibility.EligibleForFunding);
        Assert.Contains(delta.Timeline, e => e.Type == SchoolEventTypes.UrnChanged);
        Assert.Equal(deltaId, (await harness.SchoolByUrnAsync(100004))!.SchoolId);

        var listings = await harness.ListingsAsync();
        Assert.Single(listings, l => l.Urn == 140004 && l.Listed);
        Assert.Equal(deltaId, listings.Single(l => l.Urn == 140004 && l.Listed).Id);

        var epsilon = (await harness.SchoolByUrnAsync(100005))!;
        Assert.Equal(SchoolStatus.Merged, epsilon.Status);
        Assert.Equal(SchoolIds.ForUrn(100001), epsilon.MergedIntoSchoolId);
        var zeta = (await harness.SchoolByUrnAsync(100006))!;
        Assert.Equal(SchoolStatus.Merged, zeta.Status);
        Assert.Equal(SchoolIds.ForUrn(100002), zeta.MergedIntoSchoolId);
        Assert.Contains(zeta.Timeline, e => e.Type == SchoolEventTypes.Merged && e.Reason!.Contains("amalgamated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GiasImport_DuplicateUrnsAcrossBatchesAndGenerations_ImportsFirstAndRejectsLaterOnes()
    {
        // Batches of 4 rows, 2 per generation: row 15 repeats row 2's URN two batches and one ContinueAsNew later;
        // row 17 repeats row 16's URN in the same batch.
        await using var harness = await GiasHarness.StartAsync();

        var run = await harness.RunAsync("duplicates_edubasealldata.csv", "day1_links.csv");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal(16, output.Read);
        Assert.Equal(12, output.Created);
        Assert.Equal(4, output.RejectedCount);
        Assert.Contains(output.Rejected, r => r is { Row: 15, Urn: "100001" } && r.Reason == "Duplicate URN 100001, first seen at row 2.");
        Assert.Contains(output.Rejected, r => r is { Row: 17, Urn: "100015" } && r.Reason == "Duplicate URN 100015, first seen at row 16.");
        Assert.Equal("Alpha Primary School", (await harness.SchoolByUrnAsync(100001))!.Name);
        var omega = (await harness.SchoolByUrnAsync(100015))!;
        Assert.Equal("Omega Primary School", omega.Name);
        Assert.Single(omega.Timeline);
        Assert.Equal(12, (await harness.AllSchoolsAsync()).Count);

        var rerun = (await harness.RunAsync("duplicates_edubasealldata.csv", "day1_links.csv")).ReadOutputAs<GiasImportOutput>()!;

        Assert.Equal(0, rerun.Written);
        Assert.Equal(output.Rejected, rerun.Rejected);
    }

    [Fact]
    public async Task GiasImport_MissingColumns_FailsNamingThemBeforeAnyWrite()
    {
        await using var harness = await GiasHarness.StartAsync();

        var run = await harness.RunAsync("missing_columns.csv", "day1_links.csv");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("EstablishmentName", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("DistrictAdministrative (code)", run.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(await harness.AllSchoolsAsync());
    }

    [Fact]
    public async Task GiasImport_Progress_IsInTheCustomStatus()
    {
        await using var harness = await GiasHarness.StartAsync();

        var run = await harness.RunAsync("day1_edubasealldata.csv", "day1_links.csv");

        var status = run.ReadCustomStatusAs<GiasImportStatus>()!;
        Assert.Equal("done", status.Phase);
        Assert.Equal(13, status.RowsRead);
        Assert.Equal(11, status.Changed);
        Assert.Equal(2, status.Rejected);
        Assert.Equal(status.Batches, status.BatchesDone);
    }
}
