using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;

namespace Ecf.Domain.Tests.Declarations;

/// <summary>An admin's funding-eligibility decision: the periods it cuts and the declarations that follow it.</summary>
public sealed class EligibilityDeciderTests
{
    private const string FromInvalid = "Enter the date the decision applies from as yyyy-mm-dd, on or before today.";

    private static DeclarationDecision Decide(
        Person? person, string? status, string? reason = "DQT check passed", string? from = "2025-10-01", string? note = null,
        IReadOnlyDictionary<string, string>? states = null, IReadOnlyList<StatementCalendarEntry>? calendar = null, string trainingRecordId = TrainingRecordId) =>
        EligibilityDecider.Record(person, trainingRecordId, new EligibilityRequest(status, reason, from, note), calendar ?? Calendar, states ?? NoStatementStates, AdminContext);

    [Theory]
    [InlineData("maybe", "r", "2025-10-01", null, DeclarationRule.EligibilityStatusInvalid, "status", "Enter a status: eligible, ineligible, manual_check.")]
    [InlineData("Eligible", "r", "2025-10-01", null, DeclarationRule.EligibilityStatusInvalid, "status", "Enter a status: eligible, ineligible, manual_check.")]
    [InlineData(null, "r", "2025-10-01", null, DeclarationRule.EligibilityStatusInvalid, "status", "Enter a status: eligible, ineligible, manual_check.")]
    [InlineData("eligible", null, "2025-10-01", null, DeclarationRule.EligibilityReasonMissing, "reason", "Enter the reason.")]
    [InlineData("eligible", "   ", "2025-10-01", null, DeclarationRule.EligibilityReasonMissing, "reason", "Enter the reason.")]
    [InlineData("eligible", "r", "2025-11-11", null, DeclarationRule.EligibilityFromInvalid, "from", FromInvalid)]
    [InlineData("eligible", "r", "01/10/2025", null, DeclarationRule.EligibilityFromInvalid, "from", FromInvalid)]
    [InlineData("eligible", "r", "2025-10-01T00:00:00Z", null, DeclarationRule.EligibilityFromInvalid, "from", FromInvalid)]
    [InlineData("eligible", "r", "not a date", null, DeclarationRule.EligibilityFromInvalid, "from", FromInvalid)]
    [InlineData("eligible", "r", "1999-12-31", null, DeclarationRule.EligibilityFromInvalid, "from", FromInvalid)]
    [InlineData("eligible", "r", null, null, DeclarationRule.EligibilityFromInvalid, "from", FromInvalid)]
    [InlineData("eligible", "r", "2025-10-01", "bell\u0007", DeclarationRule.EligibilityNoteInvalid, "note", "The note must not contain control characters or invisible formatting characters.")]
    public void Record_ABadField_RefusedOnItsAttribute(string? status, string? reason, string? from, string? note, DeclarationRule rule, string attribute, string message)
    {
        var decision = Decide(Registered(), status, reason, from, note);

        Assert.Equal([new DeclarationRefusal(rule, attribute, message)], decision.Refusals);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Person);
    }

    [Fact]
    public void Record_EveryFieldBad_OneRefusalEach()
    {
        var decision = Decide(Registered(), "?", "", "tomorrow", "\u0000");

        Assert.Equal(["status", "reason", "from", "note"], decision.Refusals.Select(r => r.Attribute));
    }

    [Fact]
    public void Record_UnknownParticipation_NotFound()
    {
        var expected = new DeclarationRefusal(DeclarationRule.ParticipationNotFound, "trainingRecordId", "Nothing could be found for the provided details");

        Assert.Equal([expected], Decide(Registered(), FundingEligibilityStatuses.Eligible, trainingRecordId: "record-9").Refusals);
        Assert.Equal([expected], Decide(null, FundingEligibilityStatuses.Eligible).Refusals);
    }

    [Theory]
    [InlineData("2025-09-01")]
    [InlineData("2025-11-10")]
    public void Record_SameStatusAndReasonAsTheOpenPeriod_NothingChanges(string from)
    {
        // Registration recorded manual_check / awaiting_dqt_check from 1 September.
        var person = Registered();

        var decision = Decide(person, FundingEligibilityStatuses.ManualCheck, "awaiting_dqt_check", from);

        Assert.False(decision.Refused);
        Assert.Empty(decision.Events);
        Assert.Same(person, decision.Person);
    }

    [Theory]
    [InlineData(FundingEligibilityStatuses.ManualCheck, "awaiting_dqt_check", "2025-08-31")]
    [InlineData(FundingEligibilityStatuses.ManualCheck, "another reason", "2025-10-01")]
    [InlineData(FundingEligibilityStatuses.Ineligible, "awaiting_dqt_check", "2025-10-01")]
    public void Record_AnotherStatusReasonOrAnEarlierFrom_Recorded(string status, string reason, string from)
    {
        var decision = Decide(Registered(), status, reason, from);

        Assert.Equal(PersonEventTypes.FundingEligibilityRecorded, Assert.Single(decision.Events).Type);
    }

    [Fact]
    public void Record_ANewDecision_RecordedAsAManualPeriodWithTheNoteAsTheEventsReason()
    {
        var person = Registered();

        var decision = Decide(person, FundingEligibilityStatuses.Eligible, "  DQT check passed  ", "2025-10-01", "checked by phone");

        var recorded = Assert.Single(decision.Events);
        Assert.Equal((PersonEventTypes.FundingEligibilityRecorded, person.TimelineSequence + 1, "checked by phone"), (recorded.Type, recorded.Sequence, recorded.Reason));
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), recorded.OccurredAt);
        Assert.Equal([new FieldChange("participations[record-1].fundingEligibility.status", FundingEligibilityStatuses.ManualCheck, FundingEligibilityStatuses.Eligible)], recorded.Changes);
        var participation = decision.Person!.Participations[0];
        Assert.Equal(
            new FundingEligibilityPeriod("record-1:eligibility:2", FundingEligibilityStatuses.Eligible, "DQT check passed", EligibilityDecider.ManualSource, new DateOnly(2025, 10, 1), null),
            participation.CurrentFundingEligibility);
        Assert.True(participation.Statuses.EligibleForFunding);
        Assert.Equal(person.TimelineSequence + 1, decision.Person.TimelineSequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Record_NoNote_TheContextsReason(string? note)
    {
        var decision = Decide(Registered(), FundingEligibilityStatuses.Eligible, note: note);

        Assert.Equal(AdminContext.Reason, Assert.Single(decision.Events).Reason);
    }

    [Fact]
    public void Record_Eligible_MovesTheSubmittedDeclarationsItCoversOntoTheNextOutputStatement()
    {
        // Manual check from 1 September; started on 15 September and retained-1 on 5 October, both submitted.
        var person = Registered()
            .Declared("d-started", DeclarationType.Started, "2025-09-15T10:00:00Z", at: new DateTimeOffset(2025, 9, 16, 9, 0, 0, TimeSpan.Zero))
            .Declared("d-retained-1", DeclarationType.Retained1, "2025-10-05T10:00:00Z", EvidenceHeldRules.Other, at: new DateTimeOffset(2025, 10, 6, 9, 0, 0, TimeSpan.Zero));

        var decision = Decide(person, FundingEligibilityStatuses.Eligible, from: "2025-10-01", note: "DQT says eligible");

        Assert.Equal([PersonEventTypes.FundingEligibilityRecorded, PersonEventTypes.DeclarationStateChanged], decision.Events.Select(e => e.Type));
        Assert.Equal([person.TimelineSequence + 1, person.TimelineSequence + 2], decision.Events.Select(e => e.Sequence));
        Assert.Equal(new DateTimeOffset(2025, 11, 10, 0, 0, 0, TimeSpan.Zero), decision.Events[1].OccurredAt);
        Assert.Equal("DQT says eligible", decision.Events[1].Reason);
        var after = decision.Person!;
        Assert.Equal((DeclarationStates.Submitted, (string?)null), (after.Declaration("d-started").State, after.Declaration("d-started").StatementId));
        var moved = after.Declaration("d-retained-1");
        Assert.Equal((DeclarationStates.Eligible, January2026Id), (moved.State, moved.StatementId));
        Assert.Equal(
            new DeclarationStateChange(DeclarationStates.Submitted, DeclarationStates.Eligible, Now, "Funding eligibility recorded for the declaration date", AdminContext.Actor),
            moved.History[^1]);
        Assert.Equal(after.TimelineSequence, decision.Events[^1].Sequence);
        var replayed = decision.Events.Aggregate(person, PersonDecider.Evolve);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(after), System.Text.Json.JsonSerializer.Serialize(replayed));
    }

    [Fact]
    public void Record_EligibleWhenTheContractYearHasNoOutputStatementLeft_StaysSubmitted()
    {
        var person = Registered().Declared("d-1", DeclarationType.Started, "2025-10-05T10:00:00Z");
        var noneLeft = Calendar.Where(e => e.ContractYear != 2025).ToList();

        var decision = Decide(person, FundingEligibilityStatuses.Eligible, from: "2025-10-01", calendar: noneLeft);

        Assert.Equal([PersonEventTypes.FundingEligibilityRecorded], decision.Events.Select(e => e.Type));
        Assert.Equal(DeclarationStates.Submitted, decision.Person!.Declaration("d-1").State);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(DeclarationState.StatementOpen, true)]
    [InlineData(DeclarationState.StatementPayable, false)]
    [InlineData(DeclarationState.StatementPaid, false)]
    public void Record_BackdatedIneligible_MovesTheEligibleDeclarationsItCoversBackToSubmittedWhileTheirStatementIsOpen(string? statementState, bool moved)
    {
        // Eligible from 1 September; started on 15 September and retained-1 on 5 October, both eligible on January 2026.
        var person = Registered()
            .WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01", at: new DateTimeOffset(2025, 9, 10, 9, 0, 0, TimeSpan.Zero))
            .Declared("d-started", DeclarationType.Started, "2025-09-15T10:00:00Z")
            .Declared("d-retained-1", DeclarationType.Retained1, "2025-10-05T10:00:00Z", EvidenceHeldRules.Other);
        var states = statementState is null ? NoStatementStates : States((January2026Id, statementState));

        var decision = Decide(person, FundingEligibilityStatuses.Ineligible, "Not eligible after all", "2025-10-01", states: states);

        var after = decision.Person!;
        Assert.Equal((DeclarationStates.Eligible, January2026Id), (after.Declaration("d-started").State, after.Declaration("d-started").StatementId));
        var retained = after.Declaration("d-retained-1");
        if (moved)
        {
            Assert.Equal((DeclarationStates.Submitted, (string?)null), (retained.State, retained.StatementId));
            var change = Assert.IsType<DeclarationStateChanged>(decision.Events[^1].Data);
            Assert.Equal(("d-retained-1", DeclarationStates.Eligible, DeclarationStates.Submitted, true), (change.DeclarationId, change.From, change.To, change.DetachStatement));
            Assert.Equal("Funding eligibility withdrawn for the declaration date", retained.History[^1].Reason);
        }
        else
        {
            Assert.Equal((DeclarationStates.Eligible, January2026Id), (retained.State, retained.StatementId));
            Assert.Equal([PersonEventTypes.FundingEligibilityRecorded], decision.Events.Select(e => e.Type));
        }
    }

    [Fact]
    public void Record_BackdatedDecision_CutsEarlierPeriodsAtItsDateAndLeavesALaterOneEmpty()
    {
        var person = Registered()
            .WithEligibility(FundingEligibilityStatuses.Eligible, "2025-10-01", at: new DateTimeOffset(2025, 10, 2, 9, 0, 0, TimeSpan.Zero));

        var decision = Decide(person, FundingEligibilityStatuses.Ineligible, "Backdated", "2025-09-15");

        var participation = decision.Person!.Participations[0];
        Assert.Equal(
            [
                (FundingEligibilityStatuses.ManualCheck, new DateOnly(2025, 9, 1), (DateOnly?)new DateOnly(2025, 9, 15)),
                (FundingEligibilityStatuses.Eligible, new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 1)),
                (FundingEligibilityStatuses.Ineligible, new DateOnly(2025, 9, 15), null),
            ],
            participation.FundingEligibility.Select(p => (p.Status, p.From, p.To)));
        var covering = participation.FundingEligibility.Where(p => p.To is null || p.To > p.From).ToList();
        Assert.DoesNotContain(covering, a => covering.Any(b => a != b && a.From < (b.To ?? DateOnly.MaxValue) && b.From < (a.To ?? DateOnly.MaxValue)));
        Assert.Empty(PersonInvariants.Violations(decision.Person));
    }

    [Theory]
    [InlineData("2025-08-01", FundingEligibilityStatuses.ManualCheck)]
    [InlineData("2025-09-14", FundingEligibilityStatuses.ManualCheck)]
    [InlineData("2025-09-15", FundingEligibilityStatuses.Ineligible)]
    [InlineData("2025-10-01", FundingEligibilityStatuses.Ineligible)]
    [InlineData("2026-05-01", FundingEligibilityStatuses.Ineligible)]
    public void EligibilityOn_AfterABackdatedDecision_ThePeriodCoveringTheDayIgnoringEmptyOnes(string day, string status)
    {
        var person = Registered()
            .WithEligibility(FundingEligibilityStatuses.Eligible, "2025-10-01", at: new DateTimeOffset(2025, 10, 2, 9, 0, 0, TimeSpan.Zero))
            .WithEligibility(FundingEligibilityStatuses.Ineligible, "2025-09-15");

        var period = DeclarationDecider.EligibilityOn(person.Participations[0], DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(status, period!.Status);
    }

    [Fact]
    public void EligibilityOn_BeforeEveryPeriod_TheRegistrationsDecisionEvenWhenALaterOneEmptiedIt()
    {
        // The registration's period (from 1 September) is emptied by a decision from the same day, which covers only from then.
        var person = Registered().WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01");
        var participation = person.Participations[0];

        Assert.Equal(new DateOnly(2025, 9, 1), participation.FundingEligibility[0].To);
        Assert.Equal(FundingEligibilityStatuses.ManualCheck, DeclarationDecider.EligibilityOn(participation, new DateOnly(2025, 8, 1))!.Status);
        Assert.Equal(FundingEligibilityStatuses.Eligible, DeclarationDecider.EligibilityOn(participation, new DateOnly(2025, 9, 1))!.Status);
    }
}
