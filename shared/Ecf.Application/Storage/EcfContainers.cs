using Ecf.Storage;

namespace Ecf.Application.Storage;

/// <summary>The containers of ARCHITECTURE.md §4 and their partition keys.</summary>
public static class EcfContainers
{
    public const string People = "people";
    public const string Identifiers = "identifiers";
    public const string Schools = "schools";
    public const string ProviderViews = "provider-views";
    public const string Finance = "finance";
    public const string Reference = "reference";
    public const string Workflows = "workflows";

    public static IReadOnlyList<ContainerDefinition> All { get; } =
    [
        new(People, "/personId"),
        new(Identifiers, "/id"),
        new(Schools, "/schoolId", ["listed", "urn", "createdAt", "updatedAt"]),
        new(ProviderViews, "/leadProviderId", ["sortKey", "updatedAt", "transferSortKey", "transferUpdatedAt", "mentorSortKey", "mentorUpdatedAt"]),
        new(Finance, "/leadProviderId"),
        new(Reference, "/kind"),
        new(Workflows, "/instanceId"),
    ];
}
