using Ecf.Domain.Schools;

namespace Ecf.Domain.Tests.Schools;

/// <summary>The pure school rules, without mocks.</summary>
public sealed class SchoolDeciderTests
{
    private static readonly SchoolChangeContext Day1 = new(new DateTimeOffset(2025, 1, 1, 6, 0, 0, TimeSpan.Zero), "test", "run-1");
    private static readonly SchoolChangeContext Day2 = new(new DateTimeOffset(2025, 1, 2, 6, 0, 0, TimeSpan.Zero), "test", "run-2");

    private static GiasFacts Facts(int urn, string name = "Alpha Primary", string type = "1", string status = "1", string district = "E09000007", bool s41 = false) => new()
    {
        Urn = urn,
        Name = name,
        TypeCode = type,
        StatusCode = status,
        DistrictAdministrativeCode = district,
        Section41Approved = s41,
        CloseDate = status == "2" ? new DateOnly(2024, 8, 31) : null,
    };

    [Theory]
    [InlineData("1", "1", "E09000007", false, true, true, true, false)]
    [InlineData("1", "3", "E09000007", false, true, true, true, false)]
    [InlineData("1", "2", "E09000007", false, false, true, false, false)]
    [InlineData("1", "4", "E09000007", false, false, true, false, false)]
    [InlineData("24", "1", "E09000007", false, true, true, false, false)]
    [InlineData("11", "1", "E09000007", false, true, true, false, true)]
    [InlineData("11", "1", "E09000007", true, true, true, true, false)]
    [InlineData("30", "1", "W06000015", false, true, false, false, true)]
    [InlineData("1", "1", "W06000015", false, true, false, false, false)]
    [InlineData("37", "1", "9999", false, true, false, false, true)]
    [InlineData("28", "1", "9999", false, true, true, true, false)]
    public void From_GiasFacts_FollowsTheEligibilityRules(string type, string status, string district, bool s41, bool open, bool england, bool eligible, bool cipOnly)
    {
        var result = SchoolEligibility.From(Facts(100001, type: type, status: status, district: district, s41: s41));

        Assert.Equal(new SchoolEligibility(open, england, eligible, cipOnly), result);
    }

    [Fact]
    public void ApplyFacts_NewUrn_CreatesSchoolWithDerivedIdAndCreatedEvent()
    {
        var decision = SchoolDecider.ApplyFacts(null, Facts(100001), Day1);

        Assert.Equal(GiasFactsOutcome.Created, decision.Outcome);
        Assert.Equal(SchoolIds.ForUrn(100001), decision.School!.SchoolId);
        Assert.Equal(SchoolEventTypes.Created, Assert.Single(decision.School.Timeline).Type);
        Assert.Equal("run-1:0", decision.School.Timeline[0].Id);
    }

    [Fact]
    public void ApplyFacts_SameFacts_IsUnchanged()
    {
        var school = SchoolDecider.ApplyFacts(null, Facts(100001), Day1).School!;

        var decision = SchoolDecider.ApplyFacts(school, Facts(100001), Day2);

        Assert.Equal(GiasFactsOutcome.Unchanged, decision.Outcome);
        Assert.Null(decision.School);
    }

    [Fact]
    public void ApplyFacts_Renamed_RecordsTheNewName()
    {
        var school = SchoolDecider.ApplyFacts(null, Facts(100001), Day1).School!;

        var updated = SchoolDecider.ApplyFacts(school, Facts(100001, name: "Alpha Academy"), Day2).School!;

        Assert.Equal("Alpha Academy", updated.Name);
        var changed = Assert.Single(updated.Timeline, e => e.Type == SchoolEventTypes.DetailsChanged);
        Assert.Equal("Alpha Academy", changed.Changes!["name"]);
        Assert.Equal(Day2.At, updated.UpdatedAt);
        Assert.Equal(Day1.At, updated.CreatedAt);
    }

    [Fact]
    public void ApplyFacts_Closed_ClosesTheSchoolAndItsUrnPeriod()
    {
        var school = SchoolDecider.ApplyFacts(null, Facts(100001), Day1).School!;

        var closed = SchoolDecider.ApplyFacts(school, Facts(100001, status: "2"), Day2).School!;

        Assert.Equal(SchoolStatus.Closed, closed.Status);
        Assert.Equal(new DateOnly(2024, 8, 31), closed.Urns[^1].To);
        Assert.Contains(closed.Timeline, e => e.Type == SchoolEventTypes.Closed);
        Assert.Contains(closed.Timeline, e => e.Type == SchoolEventTypes.EligibilityChanged && e.Changes!["eligibleForFunding"] == "false");
    }

    [Fact]
    public void Decide_ClosedWithOneOpenSuccessor_KeepsIdentityAndTakesTheUrn()
    {
        var predecessor = SchoolDecider.ApplyFacts(SchoolDecider.ApplyFacts(null, Facts(100004), Day1).School!, Facts(100004, status: "2"), Day2).School!;
        var successor = SchoolDecider.ApplyFacts(null, Facts(140004, name: "Delta Academy", type: "28"), Day2).School!;
        var link = new GiasLink(100004, 140004, "Delta Academy", GiasLink.Successor, new DateOnly(2024, 9, 1));

        var decision = SchoolLinkDecider.Decide(predecessor, [link], successor, Day2);

        Assert.Equal(SchoolLinkOutcome.Academised, decision.Outcome);
        Assert.Equal(predecessor.SchoolId, decision.Predecessor!.SchoolId);
        Assert.Equal(140004, decision.Predecessor.Urn);
        Assert.Equal(SchoolStatus.Active, decision.Predecessor.Status);
        Assert.Equal(SchoolStatus.Superseded, decision.Successor!.Status);
        Assert.Equal(predecessor.SchoolId, decision.Successor.SupersededBySchoolId);
        Assert.Equal(SchoolLinkOutcome.AlreadyApplied, SchoolLinkDecider.Decide(decision.Predecessor, [link], decision.Successor, Day2).Outcome);
    }

    [Fact]
    public void Refuse_Academisation_RecordsTheRefusalOnThePredecessorOnce()
    {
        var predecessor = SchoolDecider.ApplyFacts(SchoolDecider.ApplyFacts(null, Facts(100004), Day1).School!, Facts(100004, status: "2"), Day2).School!;
        var successor = SchoolDecider.ApplyFacts(null, Facts(140004, name: "Delta Academy", type: "28"), Day2).School!;
        var link = new GiasLink(100004, 140004, "Delta Academy", GiasLink.Successor, new DateOnly(2024, 9, 1), Row: 7);
        var decision = SchoolLinkDecider.Decide(predecessor, [link], successor, Day2);
        Assert.Equal(successor.SchoolId, decision.RetiredSchoolId);

        var refused = SchoolLinkDecider.Refuse(predecessor, successor, decision, Day2);

        Assert.Equal(SchoolLinkOutcome.Refused, refused.Outcome);
        Assert.Null(refused.Successor);
        Assert.Equal(link, refused.Link);
        Assert.Equal(predecessor with { Timeline = refused.Predecessor!.Timeline, UpdatedAt = Day2.At }, refused.Predecessor);
        var recorded = refused.Predecessor.Timeline[^1];
        Assert.Equal((SchoolEventTypes.LinkRefused, refused.Reason), (recorded.Type, recorded.Reason));
        Assert.Contains("140004", refused.Reason, StringComparison.Ordinal);
        var again = SchoolLinkDecider.Refuse(refused.Predecessor, successor, SchoolLinkDecider.Decide(refused.Predecessor, [link], successor, Day2), Day2);
        Assert.Equal((SchoolLinkOutcome.Refused, null, refused.Reason), (again.Outcome, again.Predecessor, again.Reason));
    }

    [Fact]
    public void Decide_Merge_RetiresThePredecessor()
    {
        var predecessor = SchoolDecider.ApplyFacts(SchoolDecider.ApplyFacts(null, Facts(100005), Day1).School!, Facts(100005, status: "2"), Day2).School!;
        var successor = SchoolDecider.ApplyFacts(null, Facts(100001), Day1).School!;

        var decision = SchoolLinkDecider.Decide(predecessor, [new GiasLink(100005, 100001, null, GiasLink.SuccessorMerged, null)], successor, Day2);

        Assert.Equal(predecessor.SchoolId, decision.RetiredSchoolId);
    }

    [Theory]
    [InlineData(GiasLink.SuccessorMerged)]
    [InlineData(GiasLink.SuccessorAmalgamated)]
    public void Decide_MergedOrAmalgamated_MergesIntoTheSuccessor(string linkType)
    {
        var predecessor = SchoolDecider.ApplyFacts(SchoolDecider.ApplyFacts(null, Facts(100005), Day1).School!, Facts(100005, status: "2"), Day2).School!;
        var successor = SchoolDecider.ApplyFacts(null, Facts(100001), Day1).School!;

        var decision = SchoolLinkDecider.Decide(predecessor, [new GiasLink(100005, 100001, null, linkType, null)], successor, Day2);

        Assert.Equal(SchoolLinkOutcome.Merged, decision.Outcome);
        Assert.Equal(SchoolStatus.Merged, decision.Predecessor!.Status);
        Assert.Equal(successor.SchoolId, decision.Predecessor.MergedIntoSchoolId);
        Assert.Null(decision.Successor);
    }

    [Fact]
    public void Decide_TwoSuccessors_DoesNothing()
    {
        var predecessor = SchoolDecider.ApplyFacts(SchoolDecider.ApplyFacts(null, Facts(100004), Day1).School!, Facts(100004, status: "2"), Day2).School!;
        var successor = SchoolDecider.ApplyFacts(null, Facts(140004), Day2).School!;
        GiasLink[] links = [new(100004, 140004, null, GiasLink.Successor, null), new(100004, 140005, null, GiasLink.Successor, null)];

        Assert.Equal(SchoolLinkOutcome.NotApplicable, SchoolLinkDecider.Decide(predecessor, links, successor, Day2).Outcome);
    }

    [Fact]
    public void ForUrn_SameUrn_SameUuid()
    {
        Assert.Equal(SchoolIds.ForUrn(100001), SchoolIds.ForUrn(100001));
        Assert.NotEqual(SchoolIds.ForUrn(100001), SchoolIds.ForUrn(100002));
        Assert.True(SchoolIds.IsWellFormed(SchoolIds.ForUrn(100001)));
    }
}
