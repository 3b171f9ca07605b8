using System.Globalization;

namespace Ecf.Application.ReferenceData;

/// <summary>
/// The <c>kind</c> values (partition keys of the <c>reference</c> container) and deterministic document ids of reference data.
/// </summary>
public static class ReferenceKinds
{
    public const string ContractPeriod = "contract-period";
    public const string EcfSchedule = "ecf-schedule";
    public const string NpqSchedule = "npq-schedule";
    public const string StatementCalendar = "statement-calendar";
    public const string LeadProvider = "lead-provider";
    public const string DeliveryPartner = "delivery-partner";
    public const string ProviderRelationship = "provider-relationship";

    /// <summary>The partition of the seed marker document.</summary>
    public const string Seed = "seed";

    /// <summary>Id of the marker that records which seed version is loaded.</summary>
    public const string SeedMarkerId = "seed:reference";

    /// <summary>The kinds this seed owns; other kinds in the container (e.g. API token digests) are left alone.</summary>
    public static IReadOnlyList<string> Seeded { get; } =
        [ContractPeriod, EcfSchedule, NpqSchedule, StatementCalendar, LeadProvider, DeliveryPartner, ProviderRelationship];

    public static string ContractPeriodId(int year) => Id(ContractPeriod, year);

    public static string EcfScheduleId(int contractYear, string identifier) => Id(EcfSchedule, contractYear, identifier);

    public static string NpqScheduleId(int cohort, string identifier) => Id(NpqSchedule, cohort, identifier);

    public static string StatementCalendarId(int contractYear, int year, int month) =>
        Id(StatementCalendar, contractYear, string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}"));

    public static string LeadProviderId(Guid id) => Id(LeadProvider, id);

    public static string DeliveryPartnerId(Guid id) => Id(DeliveryPartner, id);

    public static string ProviderRelationshipId(Guid leadProviderId, Guid deliveryPartnerId, int contractYear) =>
        Id(ProviderRelationship, leadProviderId, deliveryPartnerId, contractYear);

    private static string Id(string kind, params object[] parts) =>
        string.Join(':', [kind, .. parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture))]);
}
