using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Registrations;
using Ecf.Domain.Schools;

namespace Ecf.Domain.Tests.Registrations;

/// <summary>The reference data and people the registration rules are tested against: 15 October 2025, 2021 and 2022 frozen.</summary>
internal static class RegistrationFixtures
{
    public static readonly DateTimeOffset Now = new(2025, 10, 15, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly DeliveryPartner Partner = new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Partner A");
    public static readonly DeliveryPartner OtherPartner = new(Guid.Parse("33333333-3333-3333-3333-333333333333"), "Partner B");
    public static readonly LeadProvider Provider = new(Guid.Parse("11111111-1111-1111-1111-111111111111"), "Provider A", true, false) { EcfContractYears = [2022, 2024, 2025] };
    public static readonly LeadProvider Uncontracted = new(Guid.Parse("44444444-4444-4444-4444-444444444444"), "Provider B", true, false) { EcfContractYears = [2021] };
    public static readonly ProviderRelationship[] Relationships = [new(Provider.Id, Partner.Id, 2025), new(Provider.Id, Partner.Id, 2024), new(Provider.Id, Partner.Id, 2022)];
    public static readonly School School = SchoolWith(100001, "1");

    public static readonly IReadOnlyList<ContractPeriod> Periods =
    [
        .. Enumerable.Range(2021, 6).Select(year => new ContractPeriod(
            year, new DateOnly(year, 6, 1), new DateOnly(year + 1, 5, 31), true, new DateOnly(year, 5, 10), new DateOnly(year, 9, 1),
            new DateOnly(year + 1, 3, 31), year <= 2022 ? new DateTimeOffset(2025, 6, 16, 0, 0, 0, TimeSpan.Zero) : null, year >= 2025, year >= 2025, year <= 2024)),
    ];

    public static RegistrationRequest Ect(
        string? fullName = "Ada Lovelace", string? dateOfBirth = "1990-01-31", string? email = "ada@example.org", string? inductionStart = "2025-09-01",
        string? programme = TrainingProgrammes.ProviderLed, string? leadProvider = null, string? deliveryPartner = null, string? mentor = null) => new(
        ParticipationTypes.Ect, "1234567", fullName, dateOfBirth, email, School.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), inductionStart, programme,
        leadProvider, deliveryPartner, mentor);

    public static RegistrationFacts Facts(School? school = null, Person? mentor = null, IReadOnlyList<ContractPeriod>? periods = null) =>
        new(Now, school ?? School, periods ?? Periods, [Provider, Uncontracted], [Partner, OtherPartner], mentor);

    public static ValidRegistration Valid(RegistrationRequest request, DateTimeOffset? now = null) =>
        RegistrationValidator.Validate(request, Facts() with { Now = now ?? Now }).Value!;

    /// <summary>A person registered by <see cref="PersonDecider"/> at <paramref name="schoolId"/> with <paramref name="placement"/>.</summary>
    public static Person Registered(string type, string schoolId, TrainingPlacement placement, DateOnly? inductionStart = null, DateTimeOffset? at = null) =>
        PersonDecider.Decide(
            null,
            new RegisterParticipant(
                "person-1", "record-1", "1234567", "Ada Lovelace", new DateOnly(1990, 1, 31), "ada@example.org", type, schoolId, 100009,
                DateOnly.FromDateTime((at ?? Now).UtcDateTime), inductionStart, placement, null),
            new PersonChangeContext(at ?? Now, new Actor(ActorTypes.SchoolService, "t"), "corr")).Person!;

    public static School SchoolWith(int urn, string type, string status = "1") => SchoolDecider.ApplyFacts(
        null,
        new GiasFacts { Urn = urn, Name = $"School {urn}", TypeCode = type, StatusCode = status, DistrictAdministrativeCode = "E09000001" },
        new SchoolChangeContext(new DateTimeOffset(2025, 1, 1, 6, 0, 0, TimeSpan.Zero), "test", "test")).School!;
}
