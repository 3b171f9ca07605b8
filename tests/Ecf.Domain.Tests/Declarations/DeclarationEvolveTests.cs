using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;

namespace Ecf.Domain.Tests.Declarations;

/// <summary><see cref="PersonDecider.Evolve"/> for the declaration events and for funding-eligibility decisions that cut earlier periods.</summary>
public sealed class DeclarationEvolveTests
{
    private static readonly DateTimeOffset RecordedAt = new(2025, 11, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Finance = new(ActorTypes.Admin, "finance-1");

    private static Person Apply(Person person, PersonEventData data) => PersonDecider.Evolve(person, new PersonEvent
    {
        Id = PersonEvent.DocumentId(person.PersonId, person.TimelineSequence + 1),
        PersonId = person.PersonId,
        Sequence = person.TimelineSequence + 1,
        Type = data.Type,
        OccurredAt = RecordedAt,
        RecordedAt = RecordedAt,
        Actor = Finance,
        CorrelationId = "corr-evolve",
        TrainingRecordId = TrainingRecordId,
        Data = data,
    });

    /// <summary>An ECT whose started declaration <c>d-1</c> is eligible on January 2026's statement.</summary>
    private static Person Eligible() =>
        Registered().WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01").Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z");

    [Fact]
    public void Evolve_DeclarationRecorded_AddsItAfterTheOthers()
    {
        var person = Eligible();
        var second = person.Declaration("d-1") with { Id = "d-2", DeclarationType = DeclarationType.Retained1, State = DeclarationStates.Submitted, StatementId = null };

        var after = Apply(person, new DeclarationRecorded(TrainingRecordId, second));

        Assert.Equal(["d-1", "d-2"], after.Participations[0].Declarations.Select(d => d.Id));
        Assert.Equal(second, after.Declaration("d-2"));
        Assert.Equal((person.TimelineSequence + 1, RecordedAt), (after.TimelineSequence, after.UpdatedAt));
    }

    [Fact]
    public void Evolve_DeclarationStateChanged_MovesOnlyThatDeclarationAndRecordsItsHistory()
    {
        var person = Eligible().Declared("d-2", DeclarationType.Retained1, "2025-10-05T10:00:00Z", EvidenceHeldRules.Other);
        var untouched = person.Declaration("d-2");

        var after = Apply(person, new DeclarationStateChanged(TrainingRecordId, "d-1", DeclarationStates.Eligible, DeclarationStates.Voided, "Voided by finance"));

        var voided = after.Declaration("d-1");
        Assert.Equal((DeclarationStates.Voided, January2026Id, RecordedAt), (voided.State, voided.StatementId, voided.UpdatedAt));
        Assert.Equal(new DeclarationStateChange(DeclarationStates.Eligible, DeclarationStates.Voided, RecordedAt, "Voided by finance", Finance), voided.History[^1]);
        Assert.Equal(person.Declaration("d-1").History.Count + 1, voided.History.Count);
        Assert.Equal(untouched, after.Declaration("d-2"));
    }

    [Theory]
    [InlineData("statement-new", null, false, "statement-new", null)]
    [InlineData(null, null, false, "kept", null)]
    [InlineData(null, null, true, null, null)]
    [InlineData("statement-new", null, true, null, null)]
    [InlineData(null, "clawback-1", false, "kept", "clawback-1")]
    public void Evolve_DeclarationStateChanged_StatementsReplacedKeptOrDetached(
        string? statementId, string? clawbackStatementId, bool detach, string? expectedStatement, string? expectedClawback)
    {
        var person = Eligible().WithParticipation(p => p with { Declarations = [p.Declarations[0] with { StatementId = "kept" }] });

        var after = Apply(person, new DeclarationStateChanged(
            TrainingRecordId, "d-1", DeclarationStates.Eligible, DeclarationStates.Submitted, "test", statementId, clawbackStatementId, detach));

        Assert.Equal((expectedStatement, expectedClawback), (after.Declaration("d-1").StatementId, after.Declaration("d-1").ClawbackStatementId));
    }

    [Theory]
    [InlineData(DeclarationStates.Ineligible, DeclarationStates.DuplicateDeclaration)]
    [InlineData(DeclarationStates.Voided, null)]
    public void Evolve_DeclarationStateChanged_IneligibilityReasonKeptOnlyWhileIneligible(string to, string? reason)
    {
        var person = Eligible().WithParticipation(p => p with { Declarations = [p.Declarations[0] with { IneligibilityReason = DeclarationStates.DuplicateDeclaration }] });

        var after = Apply(person, new DeclarationStateChanged(TrainingRecordId, "d-1", DeclarationStates.Eligible, to, "test"));

        Assert.Equal(reason, after.Declaration("d-1").IneligibilityReason);
    }

    [Fact]
    public void Evolve_FundingEligibilityRecorded_CutsThePeriodsReachingPastItsDateOnly()
    {
        var person = Registered().WithParticipation(p => p with
        {
            FundingEligibility =
            [
                new("e-1", FundingEligibilityStatuses.ManualCheck, "registration", "registration", new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 10)),
                new("e-2", FundingEligibilityStatuses.Eligible, "dqt", "dqt", new DateOnly(2025, 9, 10), new DateOnly(2025, 10, 20)),
                new("e-3", FundingEligibilityStatuses.Ineligible, "dqt", "dqt", new DateOnly(2025, 10, 20), null),
            ],
        });
        var decision = new FundingEligibilityPeriod("e-4", FundingEligibilityStatuses.Eligible, "admin", EligibilityDecider.ManualSource, new DateOnly(2025, 10, 1), null);

        var after = Apply(person, new FundingEligibilityRecorded(TrainingRecordId, decision));

        Assert.Equal(
            [
                ("e-1", new DateOnly(2025, 9, 1), (DateOnly?)new DateOnly(2025, 9, 10)),
                ("e-2", new DateOnly(2025, 9, 10), new DateOnly(2025, 10, 1)),
                ("e-3", new DateOnly(2025, 10, 20), new DateOnly(2025, 10, 20)),
                ("e-4", new DateOnly(2025, 10, 1), null),
            ],
            after.Participations[0].FundingEligibility.Select(p => (p.Id, p.From, p.To)));
        Assert.True(after.Participations[0].Statuses.EligibleForFunding);
    }
}
