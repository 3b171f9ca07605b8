using Ecf.Application.ProviderViews;
using Ecf.TestKit;

namespace Ecf.Application.Tests.ProviderViews;

public sealed class UnfundedMentorViewTests : IAsyncLifetime
{
    private ProviderViewsTestHost _host = null!;

    private Guid ProviderA => _host.EcfProviders[0];

    private Guid ProviderB => _host.EcfProviders[1];

    public async Task InitializeAsync() => _host = await ProviderViewsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ProjectAsync_EctGetsMentorTrainedByAnotherProvider_MentorIsUnfundedForTheEctsProviderOnly()
    {
        var mentor = TestPeople.Mentor(ProviderB);
        await _host.CommitAsync(null, mentor);
        var ect = TestPeople.Ect(ProviderA);
        await _host.CommitAsync(null, ect);

        await _host.CommitAsync(ect, ect.WithMentor(mentor));

        var resource = await _host.ResourceAsync(ProviderA, ProviderViewKinds.UnfundedMentorId(mentor.PersonId));
        Assert.NotNull(resource);
        Assert.Equal(mentor.PersonId, resource.Value.GetProperty("id").GetString());
        Assert.Equal("unfunded-mentor", resource.Value.GetProperty("type").GetString());
        var attributes = resource.Value.GetProperty("attributes");
        Assert.Equal(["created_at", "email", "full_name", "teacher_reference_number", "updated_at"], attributes.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Grace Hopper", attributes.GetProperty("full_name").GetString());
        Assert.Equal("grace@example.org", attributes.GetProperty("email").GetString());
        Assert.Equal("7654321", attributes.GetProperty("teacher_reference_number").GetString());
        Assert.Equal("2025-09-01T09:00:00Z", attributes.GetProperty("updated_at").GetString());
        Assert.Null(await _host.ResourceAsync(ProviderB, ProviderViewKinds.UnfundedMentorId(mentor.PersonId)));
    }

    [Fact]
    public async Task ProjectAsync_MentorThenTrainsWithTheEctsProvider_NoLongerUnfundedForIt()
    {
        var mentor = TestPeople.Mentor(null);
        await _host.CommitAsync(null, mentor);
        var ect = TestPeople.Ect(ProviderA);
        await _host.CommitAsync(null, ect.WithMentor(mentor));
        Assert.NotNull(await _host.ResourceAsync(ProviderA, ProviderViewKinds.UnfundedMentorId(mentor.PersonId)));

        await _host.CommitAsync(mentor, mentor.Next(p => TestPeople.Mentor(ProviderA, p.PersonId) with { TimelineSequence = p.TimelineSequence }));

        Assert.Null(await _host.ResourceAsync(ProviderA, ProviderViewKinds.UnfundedMentorId(mentor.PersonId)));
        Assert.NotNull(await _host.ViewAsync(ProviderA, ProviderViewKinds.UnfundedMentorId(mentor.PersonId)));
    }

    [Fact]
    public async Task ProjectAsync_MentorshipEnds_HidesTheView()
    {
        var mentor = TestPeople.Mentor(null);
        await _host.CommitAsync(null, mentor);
        var ect = TestPeople.Ect(ProviderA).WithMentor(mentor);
        await _host.CommitAsync(null, ect);

        var ended = ect.Next(p => p with
        {
            Participations = [p.Participations[0] with { MentorshipPeriods = [p.Participations[0].MentorshipPeriods[0] with { To = new DateOnly(2026, 1, 1) }] }],
        });
        await _host.CommitAsync(ect, ended);

        Assert.Null(await _host.ResourceAsync(ProviderA, ProviderViewKinds.UnfundedMentorId(mentor.PersonId)));
    }

    [Fact]
    public async Task ProjectAsync_MentorRenamed_RefreshesTheViewAndMovesUpdatedAt_UnrelatedChangeKeepsIt()
    {
        var mentor = TestPeople.Mentor(null);
        await _host.CommitAsync(null, mentor);
        await _host.CommitAsync(null, TestPeople.Ect(ProviderA).WithMentor(mentor));
        var id = ProviderViewKinds.UnfundedMentorId(mentor.PersonId);
        var first = await _host.ResourceAsync(ProviderA, id);

        var unrelated = mentor.Next(p => p with { DateOfBirth = new DateOnly(1980, 5, 5) });
        await _host.CommitAsync(mentor, unrelated);
        var second = await _host.ResourceAsync(ProviderA, id);
        var renamed = unrelated.Next(p => p with { FullName = "Grace Brewster Hopper" });
        await _host.CommitAsync(unrelated, renamed);
        var third = await _host.ResourceAsync(ProviderA, id);

        Assert.Equal(first!.Value.GetRawText(), second!.Value.GetRawText());
        Assert.Equal("Grace Brewster Hopper", third!.Value.GetProperty("attributes").GetProperty("full_name").GetString());
        Assert.Equal("2025-09-01T09:02:00Z", third.Value.GetProperty("attributes").GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task RunOnceAsync_AfterReset_WritesNoUnfundedMentorViewWhenTheyAreRight()
    {
        var mentor = TestPeople.Mentor(ProviderB);
        await _host.CommitAsync(null, mentor);
        await _host.CommitAsync(null, TestPeople.Ect(ProviderA).WithMentor(mentor));
        await _host.Projector.RunOnceAsync();
        await _host.Projector.ResetAsync();

        var run = await _host.Projector.RunOnceAsync();

        Assert.Equal(0, run.Writes);
        Assert.NotNull(await _host.ResourceAsync(ProviderA, ProviderViewKinds.UnfundedMentorId(mentor.PersonId)));
    }
}
