using Ecf.Application.People;
using Ecf.Domain.People;
using Ecf.Orchestrations.Statuses;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Ecf.Orchestrations.Tests.Statuses;

/// <summary>The batch activity run twice with the same input (at-least-once delivery) refreshes each person once.</summary>
public sealed class ParticipantStatusRefreshBatchActivityTests
{
    [Fact]
    public async Task ParticipantStatusRefreshBatch_RunTwice_RefreshesOnceAndTheSecondRunWritesNothing()
    {
        // Arrange: an ECT joining on 1 September, on that day.
        await using var harness = await StatusRefreshHarness.StartAsync(new DateTimeOffset(2025, 8, 20, 9, 0, 0, TimeSpan.Zero));
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2025);
        var ect = await harness.RegisterEctAsync("5000001", 100001, "2025-09-01", provider.Id, partner.Id);
        harness.SetToday("2025-09-01");
        var activity = new ParticipantStatusRefreshBatchActivity(harness.Services.GetRequiredService<RefreshParticipantStatusesHandler>());
        var input = new ParticipantStatusRefreshBatchInput(null, 500, "refresh-1");
        var context = new Mock<TaskActivityContext>().Object;

        // Act
        var first = await activity.RunAsync(context, input);
        var timeline = await harness.People.ReadTimelineAsync(ect.ParticipantId);
        var listed = await harness.ListedAsync(provider.Id, ect.ParticipantId);
        var second = await activity.RunAsync(context, input);

        // Assert
        Assert.Equal((1, 1), (first.Read, first.Refreshed));
        Assert.Equal((0, 0, null), (second.Refreshed, second.Failures.Count, second.Continuation));
        Assert.Equal(timeline.Count, (await harness.People.ReadTimelineAsync(ect.ParticipantId)).Count);
        Assert.Single(timeline, e => e.Type == PersonEventTypes.StatusesRefreshed);
        Assert.Equal(listed, await harness.ListedAsync(provider.Id, ect.ParticipantId));
        Assert.Equal(ParticipantStatuses.Active, (await harness.People.ReadAsync(ect.ParticipantId))!.Person.Participations[0].Statuses.ParticipantStatus);
    }
}
