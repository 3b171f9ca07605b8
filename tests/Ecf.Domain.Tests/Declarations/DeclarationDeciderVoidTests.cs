using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;

namespace Ecf.Domain.Tests.Declarations;

/// <summary>A lead provider voids its declaration: voided while unpaid, awaiting clawback once paid, refused otherwise.</summary>
public sealed class DeclarationDeciderVoidTests
{
    /// <summary>A day in February 2026, after January 2026's statement is paid: the next 2025 output statement is April 2026.</summary>
    private static readonly DateTimeOffset February = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly string April2026Id = OutputStatements.StatementId(Provider, April2026);

    /// <summary>An ECT eligible from 1 September 2025 whose started declaration <c>d-1</c> is eligible on January 2026's statement.</summary>
    private static Person EligibleDeclared() =>
        Registered().WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01").Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z");

    private static DeclarationDecision Void(
        Person? person, IReadOnlyDictionary<string, string>? states = null, Guid? provider = null, DateTimeOffset? at = null,
        IReadOnlyList<StatementCalendarEntry>? calendar = null, string id = "d-1") =>
        DeclarationDecider.Void(person, id, provider ?? Provider, calendar ?? Calendar, states ?? NoStatementStates, ProviderContext with { At = at ?? February });

    private static void AssertRefused(DeclarationDecision decision, DeclarationRule rule, string attribute, string message)
    {
        Assert.Equal([new DeclarationRefusal(rule, attribute, message)], decision.Refusals);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Person);
    }

    [Fact]
    public void Void_AnotherProvidersDeclaration_NotFound()
    {
        AssertRefused(Void(EligibleDeclared(), provider: OtherProvider), DeclarationRule.DeclarationNotFound, "id", "Nothing could be found for the provided details");
    }

    [Fact]
    public void Void_UnknownDeclarationOrPerson_NotFound()
    {
        AssertRefused(Void(EligibleDeclared(), id: "d-unknown"), DeclarationRule.DeclarationNotFound, "id", "Nothing could be found for the provided details");
        AssertRefused(Void(null), DeclarationRule.DeclarationNotFound, "id", "Nothing could be found for the provided details");
    }

    [Fact]
    public void Void_Submitted_VoidedWithNoStatement()
    {
        var person = Registered().Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z");

        var decision = Void(person);

        var changed = Assert.Single(decision.Events);
        Assert.Equal((PersonEventTypes.DeclarationStateChanged, person.TimelineSequence + 1), (changed.Type, changed.Sequence));
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero), changed.OccurredAt);
        var declaration = decision.Declaration!;
        Assert.Equal((DeclarationStates.Voided, (string?)null, (string?)null), (declaration.State, declaration.StatementId, declaration.ClawbackStatementId));
        Assert.Equal(
            new DeclarationStateChange(DeclarationStates.Submitted, DeclarationStates.Voided, February, "Voided by the lead provider", ProviderContext.Actor),
            declaration.History[^1]);
        Assert.Equal(February, declaration.UpdatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DeclarationState.StatementOpen)]
    [InlineData(DeclarationState.StatementPayable)]
    public void Void_EligibleOrPayable_VoidedOnItsStatement(string? statementState)
    {
        var person = EligibleDeclared();
        var states = statementState is null ? NoStatementStates : States((January2026Id, statementState));

        var decision = Void(person, states);

        var declaration = decision.Declaration!;
        Assert.Equal((DeclarationStates.Voided, January2026Id, (string?)null), (declaration.State, declaration.StatementId, declaration.ClawbackStatementId));
        Assert.Equal((DeclarationStates.Eligible, DeclarationStates.Voided), (declaration.History[^1].From, declaration.History[^1].To));
    }

    [Fact]
    public void Void_Paid_AwaitingClawbackOnTheNextOutputStatement()
    {
        var person = EligibleDeclared();

        var decision = Void(person, States((January2026Id, DeclarationState.StatementPaid)));

        var declaration = decision.Declaration!;
        Assert.Equal((DeclarationStates.AwaitingClawback, January2026Id, April2026Id), (declaration.State, declaration.StatementId, declaration.ClawbackStatementId));
        Assert.Equal(
            new DeclarationStateChange(DeclarationStates.Eligible, DeclarationStates.AwaitingClawback, February, "Voided by the lead provider after payment", ProviderContext.Actor),
            declaration.History[^1]);
        var data = Assert.IsType<DeclarationStateChanged>(Assert.Single(decision.Events).Data);
        Assert.Equal(April2026Id, data.ClawbackStatementId);
    }

    [Fact]
    public void Void_PaidWithNoOutputStatementLeft_FundingContractEndedOnBase()
    {
        var person = EligibleDeclared();
        var noneLeft = Calendar.Where(e => e.ContractYear != 2025 || e.DeadlineDate < new DateOnly(2026, 2, 10)).ToList();

        var decision = Void(person, States((January2026Id, DeclarationState.StatementPaid)), calendar: noneLeft);

        AssertRefused(
            decision, DeclarationRule.FundingContractEnded, "base",
            "You cannot submit or void declarations for the 2025 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.");
    }

    [Fact]
    public void Void_AlreadyVoided_Refused()
    {
        var person = Registered().Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z").Voided("d-1");

        AssertRefused(Void(person), DeclarationRule.AlreadyVoided, "base", "This declaration has already been voided.");
    }

    [Fact]
    public void Void_AwaitingClawback_AlreadyRefunded()
    {
        var paid = States((January2026Id, DeclarationState.StatementPaid));
        var person = EligibleDeclared().Voided("d-1", paid, February);

        AssertRefused(Void(person, paid), DeclarationRule.AlreadyRefunded, "base", "The declaration will or has been be refunded.");
    }

    [Fact]
    public void Void_ClawedBack_Refused()
    {
        var paid = States((January2026Id, DeclarationState.StatementPaid));
        var person = EligibleDeclared().Voided("d-1", paid, February);
        var bothPaid = States((January2026Id, DeclarationState.StatementPaid), (April2026Id, DeclarationState.StatementPaid));

        AssertRefused(Void(person, bothPaid, at: new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)), DeclarationRule.ClawedBack, "base", "This declaration has been clawed-back, so you can only view it.");
    }
}
