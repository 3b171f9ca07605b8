using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Tests.Declarations;

/// <summary>
/// The reference data and people the declaration rules are tested against, on 10 November 2025. The contract periods, schedules
/// and statement calendar entries are the rows of <c>shared/Ecf.Application/Seed/</c> the tests need, written out here (this
/// project does not reference the application's seed parser). People are made by their commands: registered with
/// <see cref="PersonDecider"/>, given eligibility with <see cref="EligibilityDecider"/> and declarations with <see cref="DeclarationDecider"/>.
/// </summary>
internal static class DeclarationFixtures
{
    public const string PartnershipId = "partnership-1";
    public const string TrainingRecordId = "record-1";

    public static readonly DateTimeOffset Now = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Guid Provider = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid OtherProvider = Guid.Parse("44444444-4444-4444-4444-444444444444");
    public static readonly Guid Partner = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public static readonly Guid PartnershipPartner = Guid.Parse("33333333-3333-3333-3333-333333333333");
    public static readonly PersonChangeContext ProviderContext = new(Now, new Actor(ActorTypes.LeadProviderApi, Provider.ToString("D")), "corr-declare");
    public static readonly PersonChangeContext AdminContext = new(Now, new Actor(ActorTypes.Admin, "admin-1"), "corr-admin", "admin decision");

    /// <summary>Seed/contract_periods.csv: 2021 and 2022 frozen, mentor funding and detailed evidence from 2025.</summary>
    public static readonly IReadOnlyList<ContractPeriod> ContractPeriods =
    [
        Period(2021, new DateTimeOffset(2024, 6, 18, 0, 0, 0, TimeSpan.FromHours(1))),
        Period(2022, new DateTimeOffset(2025, 6, 16, 0, 0, 0, TimeSpan.FromHours(1))),
        Period(2023, null),
        Period(2024, null),
        Period(2025, null),
        Period(2026, null),
    ];

    /// <summary>Seed/ecf_schedules.csv: the schedules the tests use.</summary>
    public static readonly IReadOnlyList<Schedule> Schedules =
    [
        new(2022, "ecf-standard-september",
        [
            new(DeclarationType.Started, new(2022, 6, 1), new(2022, 12, 31), new(2022, 11, 30)),
            new(DeclarationType.Retained1, new(2023, 1, 1), new(2023, 3, 31), new(2023, 4, 30)),
            new(DeclarationType.Retained2, new(2023, 4, 1), new(2023, 7, 31), new(2023, 8, 31)),
            new(DeclarationType.Retained3, new(2023, 8, 1), new(2023, 12, 31), new(2024, 1, 31)),
            new(DeclarationType.Retained4, new(2024, 1, 1), new(2024, 3, 31), new(2024, 4, 30)),
            new(DeclarationType.Completed, new(2024, 4, 1), new(2024, 7, 31), new(2024, 8, 31)),
        ]),
        new(2022, "ecf-extended-september", [.. DeclarationType.EcfExtended.Select(t => new Milestone(t, new(2022, 9, 1), null, null))]),
        new(2023, "ecf-standard-september",
        [
            new(DeclarationType.Started, new(2023, 6, 1), new(2023, 12, 31), new(2023, 11, 30)),
            new(DeclarationType.Retained1, new(2024, 1, 1), new(2024, 3, 31), new(2024, 4, 30)),
            new(DeclarationType.Retained2, new(2024, 4, 1), new(2024, 7, 31), new(2024, 8, 31)),
            new(DeclarationType.Retained3, new(2024, 8, 1), new(2024, 12, 31), new(2025, 1, 31)),
            new(DeclarationType.Retained4, new(2025, 1, 1), new(2025, 3, 31), new(2025, 4, 30)),
            new(DeclarationType.Completed, new(2025, 4, 1), new(2025, 7, 31), new(2025, 8, 31)),
        ]),
        new(2024, "ecf-standard-september",
        [
            new(DeclarationType.Started, new(2024, 6, 1), new(2024, 12, 31), new(2024, 11, 30)),
            new(DeclarationType.Retained1, new(2025, 1, 1), new(2025, 3, 31), new(2025, 4, 30)),
            new(DeclarationType.Retained2, new(2025, 4, 1), new(2025, 7, 31), new(2025, 8, 31)),
            new(DeclarationType.Retained3, new(2025, 8, 1), new(2025, 12, 31), new(2026, 1, 31)),
            new(DeclarationType.Retained4, new(2026, 1, 1), new(2026, 3, 31), new(2026, 4, 30)),
            new(DeclarationType.Completed, new(2026, 4, 1), new(2026, 7, 31), new(2026, 8, 31)),
        ]),
        new(2024, "ecf-standard-january",
        [
            new(DeclarationType.Started, new(2025, 1, 1), new(2025, 3, 31), new(2025, 4, 30)),
            new(DeclarationType.Retained1, new(2025, 4, 1), new(2025, 7, 31), new(2025, 8, 31)),
            new(DeclarationType.Retained2, new(2025, 8, 1), new(2025, 12, 31), new(2026, 1, 31)),
            new(DeclarationType.Retained3, new(2026, 1, 1), new(2026, 3, 31), new(2026, 4, 30)),
            new(DeclarationType.Retained4, new(2026, 4, 1), new(2026, 7, 31), new(2026, 8, 31)),
            new(DeclarationType.Completed, new(2026, 8, 1), new(2026, 12, 31), new(2027, 1, 31)),
        ]),
        new(2024, "ecf-extended-september", [.. DeclarationType.EcfExtended.Select(t => new Milestone(t, new(2024, 9, 1), null, null))]),
        new(2025, "ecf-standard-september", [.. DeclarationType.EcfCore.Select(t => new Milestone(t, new(2025, 6, 1), null, null))]),
        new(2025, "ecf-standard-january", [.. DeclarationType.EcfCore.Select(t => new Milestone(t, new(2026, 1, 1), null, null))]),
        new(2025, "ecf-extended-september", [.. DeclarationType.EcfExtended.Select(t => new Milestone(t, new(2025, 9, 1), null, null))]),
    ];

    /// <summary>
    /// Seed/statement_calendar.csv: 2022's last statements (June to August 2025) and the 2024 and 2025 statements from September
    /// 2025 to April 2026.
    /// </summary>
    public static readonly IReadOnlyList<StatementCalendarEntry> Calendar =
    [
        Entry(2022, 2025, 6, new(2025, 5, 31), false),
        Entry(2022, 2025, 7, new(2025, 6, 30), false),
        Entry(2022, 2025, 8, new(2025, 7, 31), true),
        Entry(2024, 2025, 9, new(2025, 8, 31), false),
        Entry(2024, 2025, 10, new(2025, 9, 30), true),
        Entry(2024, 2025, 11, new(2025, 10, 31), false),
        Entry(2024, 2025, 12, new(2025, 11, 30), false),
        Entry(2024, 2026, 1, new(2025, 12, 31), true),
        Entry(2024, 2026, 2, new(2026, 1, 31), false),
        Entry(2024, 2026, 3, new(2026, 2, 28), false),
        Entry(2024, 2026, 4, new(2026, 3, 31), true),
        Entry(2025, 2025, 11, new(2025, 10, 31), false),
        Entry(2025, 2025, 12, new(2025, 11, 30), false),
        Entry(2025, 2026, 1, new(2025, 12, 31), true),
        Entry(2025, 2026, 2, new(2026, 1, 31), false),
        Entry(2025, 2026, 3, new(2026, 2, 28), false),
        Entry(2025, 2026, 4, new(2026, 3, 31), true),
    ];

    /// <summary>The 2025 statement a declaration made on <see cref="Today"/> goes on: January 2026 (deadline 31 December 2025).</summary>
    public static readonly StatementCalendarEntry January2026 = Calendar.Single(e => e.ContractYear == 2025 && e.Year == 2026 && e.Month == 1);

    public static readonly StatementCalendarEntry April2026 = Calendar.Single(e => e.ContractYear == 2025 && e.Year == 2026 && e.Month == 4);

    /// <summary>The provider's January 2026 statement id for 2025.</summary>
    public static readonly string January2026Id = OutputStatements.StatementId(Provider, January2026);

    public static readonly IReadOnlyDictionary<string, string> NoStatementStates = new Dictionary<string, string>();

    public static DeclarationFacts Facts(
        DateTimeOffset? now = null, Guid? provider = null, IReadOnlyList<StatementCalendarEntry>? calendar = null,
        IReadOnlyDictionary<string, Guid?>? partnershipPartners = null, IReadOnlySet<string>? challenged = null) => new(
        now ?? Now,
        provider ?? Provider,
        ContractPeriods,
        Schedules,
        calendar ?? Calendar,
        partnershipPartners ?? new Dictionary<string, Guid?>(),
        challenged ?? new HashSet<string>());

    /// <summary>
    /// A person registered by <see cref="PersonDecider"/> at 08:00 UTC on 1 September of the contract year (default <paramref name="cohort"/>), provider-led
    /// with <paramref name="provider"/> (default <see cref="Provider"/>) through <see cref="PartnershipId"/>; funding eligibility is
    /// the registration's manual check from that day.
    /// </summary>
    public static Person Registered(
        string type = ParticipationTypes.Ect, int cohort = 2025, int? contractYear = null, string schedule = "ecf-standard-september",
        Guid? provider = null, string? partnershipId = PartnershipId, MentorReference? mentor = null, bool pupilPremium = false, bool sparsity = false)
    {
        var at = new DateTimeOffset(contractYear ?? cohort, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var placement = new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear ?? cohort, schedule, provider ?? Provider, Partner, partnershipId);
        var command = new RegisterParticipant(
            "person-1", TrainingRecordId, "1234567", "Ada Lovelace", new DateOnly(1990, 1, 31), "ada@example.org", type, "school-1", 100001,
            day, type == ParticipationTypes.Ect ? day : null, placement, mentor, pupilPremium, sparsity);
        var decision = PersonDecider.Decide(null, command, new PersonChangeContext(at, new Actor(ActorTypes.SchoolService, "school-token"), "corr-register"));
        return decision.Person ?? throw new InvalidOperationException("The registration was refused: " + decision.Refusal);
    }

    /// <summary>An admin's funding-eligibility decision from <paramref name="from"/>, recorded at <paramref name="at"/> (default <see cref="Now"/>).</summary>
    public static Person WithEligibility(
        this Person person, string status, string from, DateTimeOffset? at = null, IReadOnlyDictionary<string, string>? statementStates = null)
    {
        var decision = EligibilityDecider.Record(
            person, TrainingRecordId, new EligibilityRequest(status, "decided in a test", from, null), Calendar, statementStates ?? NoStatementStates,
            AdminContext with { At = at ?? Now });
        return decision.Refused ? throw new InvalidOperationException("The eligibility decision was refused: " + decision.Refusals[0]) : decision.Person!;
    }

    /// <summary>A declaration <paramref name="id"/> recorded for <paramref name="provider"/> at <paramref name="at"/> (default <see cref="Now"/>).</summary>
    public static Person Declared(
        this Person person, string id, string type, string date, string? evidence = null, string course = CourseIdentifiers.EcfInduction,
        DateTimeOffset? at = null, Guid? provider = null)
    {
        var decision = DeclarationDecider.Record(
            person, new DeclarationRequest(person.PersonId, type, date, course, evidence), Facts(now: at, provider: provider),
            ProviderContext with { At = at ?? Now }, id);
        return decision.Refused ? throw new InvalidOperationException("The declaration was refused: " + decision.Refusals[0]) : decision.Person!;
    }

    /// <summary>The provider voids declaration <paramref name="id"/> at <paramref name="at"/> (default <see cref="Now"/>).</summary>
    public static Person Voided(this Person person, string id, IReadOnlyDictionary<string, string>? statementStates = null, DateTimeOffset? at = null)
    {
        var decision = DeclarationDecider.Void(person, id, Provider, Calendar, statementStates ?? NoStatementStates, ProviderContext with { At = at ?? Now });
        return decision.Refused ? throw new InvalidOperationException("The void was refused: " + decision.Refusals[0]) : decision.Person!;
    }

    /// <summary>The person's (first) participation with <paramref name="change"/> applied, as a stored document could hold it.</summary>
    public static Person WithParticipation(this Person person, Func<Participation, Participation> change) =>
        person with { Participations = [change(person.Participations[0]), .. person.Participations.Skip(1)] };

    public static Declaration Declaration(this Person person, string id) =>
        person.Participations.Select(p => p.FindDeclaration(id)).Single(d => d is not null)!;

    public static DeclarationRequest Request(
        this Person person, string? type = DeclarationType.Started, string? date = "2025-10-01T10:00:00Z", string? course = CourseIdentifiers.EcfInduction,
        string? evidence = null) => new(person.PersonId, type, date, course, evidence);

    public static IReadOnlyDictionary<string, string> States(params (string Id, string State)[] states) =>
        states.ToDictionary(s => s.Id, s => s.State, StringComparer.Ordinal);

    private static ContractPeriod Period(int year, DateTimeOffset? frozenAt) => new(
        year, new DateOnly(year, 6, 1), new DateOnly(year + 1, 5, 31), year >= 2023 && year <= 2025, new DateOnly(year, 5, 10), new DateOnly(year, 9, 1),
        new DateOnly(year + 1, 3, 31), frozenAt, year >= 2025, year >= 2025, year <= 2024);

    private static StatementCalendarEntry Entry(int contractYear, int year, int month, DateOnly deadline, bool outputFee) =>
        new(contractYear, year, month, deadline, new DateOnly(year, month, 25), outputFee);
}
