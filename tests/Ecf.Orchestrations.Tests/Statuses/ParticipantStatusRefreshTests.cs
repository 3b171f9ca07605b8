using Ecf.Domain.People;
using Ecf.Orchestrations.Statuses;
using Microsoft.DurableTask.Client;

namespace Ecf.Orchestrations.Tests.Statuses;

/// <summary>The daily status refresh through the durable runtime, on the real embedded store, with registrations and provider views.</summary>
public sealed class ParticipantStatusRefreshTests
{
    [Fact]
    public async Task ParticipantStatusRefresh_JoiningEctOnItsStartDate_BecomesActiveAndTheProviderSeesIt()
    {
        // Arrange: registered in August for a start on 1 September.
        await using var harness = await StatusRefreshHarness.StartAsync(new DateTimeOffset(2025, 8, 20, 9, 0, 0, TimeSpan.Zero));
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2025);
        var ect = await harness.RegisterEctAsync("1234567", 100001, "2025-09-01", provider.Id, partner.Id);
        var (joining, registeredAt) = await harness.ListedAsync(provider.Id, ect.ParticipantId);
        harness.SetToday("2025-08-31");
        var dayBefore = await harness.RunAsync();

        // Act
        harness.SetToday("2025-09-01");
        var run = await harness.RunAsync();

        // Assert
        Assert.Equal("joining", joining);
        Assert.Equal(0, dayBefore.ReadOutputAs<ParticipantStatusRefreshOutput>()!.Refreshed);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<ParticipantStatusRefreshOutput>()!;
        Assert.Equal((1, 1, 0), (output.Read, output.Refreshed, output.FailedCount));
        var person = (await harness.People.ReadAsync(ect.ParticipantId))!.Person;
        Assert.Equal(ParticipantStatuses.Active, person.Participations[0].Statuses.ParticipantStatus);
        Assert.Equal(StatusRefreshHarness.Day("2025-09-01"), person.Participations[0].Statuses.AsOf);
        Assert.Null(person.NextStatusChangeOn);
        var refreshed = (await harness.People.ReadTimelineAsync(ect.ParticipantId))[^1];
        Assert.Equal(PersonEventTypes.StatusesRefreshed, refreshed.Type);
        Assert.Equal((ActorTypes.System, run.InstanceId), (refreshed.Actor.Type, refreshed.CorrelationId));
        Assert.Contains("Daily status refresh", refreshed.Reason, StringComparison.Ordinal);
        Assert.Contains(refreshed.Changes, c => c.Path.EndsWith(".statuses.participantStatus", StringComparison.Ordinal) && c.From == "joining" && c.To == "active");
        var (status, updatedAt) = await harness.ListedAsync(provider.Id, ect.ParticipantId);
        Assert.Equal("active", status);
        Assert.True(string.CompareOrdinal(updatedAt, registeredAt) > 0, $"updated_at {updatedAt} should be after {registeredAt}");
        Assert.StartsWith("2025-09-01T00:30", updatedAt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantStatusRefresh_SecondRunTheSameDay_WritesNothing()
    {
        // Arrange
        await using var harness = await StatusRefreshHarness.StartAsync(new DateTimeOffset(2025, 8, 20, 9, 0, 0, TimeSpan.Zero));
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2025);
        var ect = await harness.RegisterEctAsync("1234567", 100001, "2025-09-01", provider.Id, partner.Id);
        harness.SetToday("2025-09-01");
        await harness.RunAsync();
        var timeline = (await harness.People.ReadTimelineAsync(ect.ParticipantId)).Count;
        var listed = await harness.ListedAsync(provider.Id, ect.ParticipantId);
        harness.SetToday("2025-09-01", hour: 18);

        // Act
        var rerun = await harness.RunAsync();

        // Assert
        var output = rerun.ReadOutputAs<ParticipantStatusRefreshOutput>()!;
        Assert.Equal((0, 0), (output.Read, output.Refreshed));
        Assert.Equal(timeline, (await harness.People.ReadTimelineAsync(ect.ParticipantId)).Count);
        Assert.Equal(listed, await harness.ListedAsync(provider.Id, ect.ParticipantId));
    }

    [Fact]
    public async Task ParticipantStatusRefresh_LeavingEctAfterItsEndDate_BecomesLeft()
    {
        // Arrange: active since September, leaving on 20 December.
        await using var harness = await StatusRefreshHarness.StartAsync(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero));
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2025);
        var ect = await harness.RegisterEctAsync("2345678", 100001, "2025-09-01", provider.Id, partner.Id);
        await harness.MarkLeavingAsync(ect.ParticipantId, StatusRefreshHarness.Day("2025-12-20"));
        var (leaving, before) = await harness.ListedAsync(provider.Id, ect.ParticipantId);
        harness.SetToday("2025-12-19");
        var dayBefore = await harness.RunAsync();

        // Act
        harness.SetToday("2025-12-20");
        var run = await harness.RunAsync();

        // Assert
        Assert.Equal("leaving", leaving);
        Assert.Equal(0, dayBefore.ReadOutputAs<ParticipantStatusRefreshOutput>()!.Refreshed);
        Assert.Equal(1, run.ReadOutputAs<ParticipantStatusRefreshOutput>()!.Refreshed);
        var person = (await harness.People.ReadAsync(ect.ParticipantId))!.Person;
        Assert.Equal(ParticipantStatuses.Left, person.Participations[0].Statuses.ParticipantStatus);
        var (status, updatedAt) = await harness.ListedAsync(provider.Id, ect.ParticipantId);
        Assert.Equal("left", status);
        Assert.True(string.CompareOrdinal(updatedAt, before) > 0);
    }

    [Fact]
    public async Task ParticipantStatusRefresh_MorePeopleThanAPage_ContinuesAsNewAndRefreshesEveryone()
    {
        // Arrange: three joining ECTs, one a page, one page a generation.
        await using var harness = await StatusRefreshHarness.StartAsync(new DateTimeOffset(2025, 8, 20, 9, 0, 0, TimeSpan.Zero));
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2025);
        string[] trns = ["3000001", "3000002", "3000003"];
        var ids = new List<string>();
        foreach (var trn in trns)
        {
            ids.Add((await harness.RegisterEctAsync(trn, 100001, "2025-09-01", provider.Id, partner.Id)).ParticipantId);
        }

        harness.SetToday("2025-09-02");

        // Act
        var run = await harness.RunAsync(new ParticipantStatusRefreshInput(PageSize: 1, BatchesPerGeneration: 1));

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<ParticipantStatusRefreshOutput>()!;
        Assert.Equal((3, 3, 3), (output.Batches, output.Read, output.Refreshed));
        foreach (var id in ids)
        {
            Assert.Equal(ParticipantStatuses.Active, (await harness.People.ReadAsync(id))!.Person.Participations[0].Statuses.ParticipantStatus);
        }
    }

    [Fact]
    public async Task ParticipantStatusRefresh_PageSizeOutOfRange_FailsBeforeAnyWrite()
    {
        // Arrange
        await using var harness = await StatusRefreshHarness.StartAsync(new DateTimeOffset(2025, 8, 20, 9, 0, 0, TimeSpan.Zero));
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2025);
        var ect = await harness.RegisterEctAsync("4000001", 100001, "2025-09-01", provider.Id, partner.Id);
        harness.SetToday("2025-09-01");

        // Act
        var run = await harness.RunAsync(new ParticipantStatusRefreshInput(PageSize: 0));

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("pageSize must be between 1 and 1000", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ParticipantStatuses.Joining, (await harness.People.ReadAsync(ect.ParticipantId))!.Person.Participations[0].Statuses.ParticipantStatus);
    }
}
