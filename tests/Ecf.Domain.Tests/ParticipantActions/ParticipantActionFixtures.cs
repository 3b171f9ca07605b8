using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;

namespace Ecf.Domain.Tests.ParticipantActions;

/// <summary>
/// What the participant-action rules are tested against, on top of <see cref="Declarations.DeclarationFixtures"/> (its contract periods, with
/// 2021 and 2022 frozen, its schedules and people). People change by their commands: withdrawn, deferred and resumed with
/// <see cref="ParticipantActionDecider"/>, moved with <see cref="ContractYearMoves"/>; a state a command cannot reach in a test
/// (a paid declaration, a finished induction) is written as a stored document could hold it.
/// </summary>
internal static class ParticipantActionFixtures
{
    public const string MentorRecordId = "record-2";

    /// <summary>1 July 2025: 2021 and 2022 are frozen for payments and 2025 is the active registration year.</summary>
    public static readonly DateTimeOffset MoveOutAt = new(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The seed's NPQ schedule identifiers (Seed/npq_schedules.csv), a few of them.</summary>
    public static readonly IReadOnlySet<string> NpqSchedules = new HashSet<string>(StringComparer.Ordinal) { "npq-leadership-autumn", "npq-leadership-spring", "npq-aso-june" };

    public static ParticipantActionFacts ActionFacts(
        DateTimeOffset? now = null, Guid? provider = null, IReadOnlyDictionary<int, Partnership>? partnerships = null, IReadOnlySet<string>? challenged = null) => new(
        now ?? Now,
        provider ?? Provider,
        ContractPeriods,
        Schedules,
        NpqSchedules,
        challenged ?? new HashSet<string>(),
        partnerships ?? new Dictionary<int, Partnership>());

    /// <summary>
    /// The school's active partnership with <see cref="Provider"/> in each of <paramref name="years"/>: the registration's
    /// <see cref="PartnershipId"/> in <paramref name="registeredYear"/>, <c>partnership-&lt;year&gt;</c> with <see cref="PartnershipPartner"/> in the others.
    /// </summary>
    public static IReadOnlyDictionary<int, Partnership> PartnershipsIn(int registeredYear, params int[] years) =>
        years.ToDictionary(y => y, y => PartnershipIn(y, y == registeredYear ? PartnershipId : null));

    public static Partnership PartnershipIn(int year, string? id = null) => new()
    {
        Id = id ?? $"partnership-{year}",
        SchoolId = "school-1",
        LeadProviderId = Provider,
        DeliveryPartnerId = id == PartnershipId ? Partner : PartnershipPartner,
        ContractYear = year,
        CreatedAt = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public static PersonChangeContext ProviderAt(DateTimeOffset at, Guid? provider = null) =>
        new(at, new Actor(ActorTypes.LeadProviderApi, (provider ?? Provider).ToString("D")), "corr-action");

    public static PersonChangeContext AdminAt(DateTimeOffset at) => AdminContext with { At = at };

    /// <summary>The same person also registered as a mentor (<see cref="MentorRecordId"/>) trained by <paramref name="provider"/>.</summary>
    public static Person AlsoMentor(this Person person, Guid provider)
    {
        var at = new DateTimeOffset(2025, 9, 2, 8, 0, 0, TimeSpan.Zero);
        var placement = new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-september", provider, PartnershipPartner, "partnership-mentor");
        var command = new RegisterParticipant(
            person.PersonId, MentorRecordId, person.Trn, person.FullName, person.DateOfBirth, "ada@example.org", ParticipationTypes.Mentor, "school-1", 100001,
            DateOnly.FromDateTime(at.UtcDateTime), null, placement, null);
        var decision = PersonDecider.Decide(person, command, new PersonChangeContext(at, new Actor(ActorTypes.SchoolService, "school-token"), "corr-register"));
        return decision.Refusal is null ? decision.Person! : throw new InvalidOperationException("The registration was refused: " + decision.Refusal);
    }

    /// <summary>Declaration <paramref name="id"/> in <paramref name="state"/>, as a statement's move leaves it (payable and paid are reached that way).</summary>
    public static Person WithDeclarationState(this Person person, string id, string state) =>
        person.WithParticipation(p => p with { Declarations = [.. p.Declarations.Select(d => d.Id == id ? d with { State = state } : d)] });

    /// <summary>The ECT's induction finished on 31 May 2025 with a pass.</summary>
    public static Person WithInductionCompleted(this Person person) =>
        person.WithParticipation(p => p with { InductionPeriods = [.. p.InductionPeriods.Select(i => i with { FinishedOn = new DateOnly(2025, 5, 31), Outcome = "pass" })] });

    public static Person Withdrawn(this Person person, DateTimeOffset at, string reason = "moved-school", string course = CourseIdentifiers.EcfInduction, Guid? provider = null) =>
        Accepted(ParticipantActionDecider.Withdraw(person, course, reason, ActionFacts(at, provider), ProviderAt(at, provider)));

    public static Person Deferred(this Person person, DateTimeOffset at, string reason = "parental-leave", string course = CourseIdentifiers.EcfInduction) =>
        Accepted(ParticipantActionDecider.Defer(person, course, reason, ActionFacts(at), ProviderAt(at)));

    public static Person Resumed(this Person person, DateTimeOffset at, string course = CourseIdentifiers.EcfInduction) =>
        Accepted(ParticipantActionDecider.Resume(person, course, ActionFacts(at), ProviderAt(at)));

    /// <summary>An admin's move of the participation to <paramref name="contractYear"/> at <paramref name="at"/>.</summary>
    public static Person Moved(this Person person, string contractYear, DateTimeOffset at, IReadOnlyDictionary<int, Partnership>? partnerships = null) =>
        Accepted(ContractYearMoves.Move(person, TrainingRecordId, new ContractYearMoveRequest(contractYear, true), ActionFacts(at, partnerships: partnerships), AdminAt(at)));

    /// <summary>
    /// A 2022 ECT (registered 1 September 2022, <c>ecf-standard-september</c>) whose <c>started</c> declaration of 1 October 2022
    /// was paid before 2022 froze.
    /// </summary>
    public static Person Paid2022Ect(string type = ParticipationTypes.Ect) =>
        Registered(type, cohort: 2022)
            .Declared("d-started", DeclarationType.Started, "2022-10-01T10:00:00Z", course: type == ParticipationTypes.Ect ? CourseIdentifiers.EcfInduction : CourseIdentifiers.EcfMentor,
                at: new DateTimeOffset(2022, 10, 1, 12, 0, 0, TimeSpan.Zero))
            .WithDeclarationState("d-started", DeclarationStates.Paid);

    /// <summary><see cref="Paid2022Ect"/> moved out of 2022 into 2025 on <see cref="MoveOutAt"/>.</summary>
    public static Person MovedOutOf2022() => Paid2022Ect().Moved("2025", MoveOutAt, PartnershipsIn(2022, 2025));

    private static Person Accepted(ParticipantActionDecision decision) =>
        decision.Refused ? throw new InvalidOperationException("The action was refused: " + decision.Refusals[0]) : decision.Person!;
}
