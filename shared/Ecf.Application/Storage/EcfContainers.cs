using Ecf.Storage;

namespace Ecf.Application.Storage;

/// <summary>The document store's containers and their partition keys (README "How it fits together"; ADRs 0003, 0006, 0007).</summary>
public static class EcfContainers
{
    public const string People = "people";
    public const string Identifiers = "identifiers";
    public const string Schools = "schools";
    public const string ProviderViews = "provider-views";
    public const string Finance = "finance";
    public const string Reference = "reference";
    public const string Workflows = "workflows";

    /// <summary>People archived out of a payments-frozen contract year, each whole (ADR 0014); partition = person id.</summary>
    public const string Archive = "archive";

    /// <summary><c>Person.NextStatusChangeOn</c> as stored: the daily status refresh queries it across partitions.</summary>
    public const string PeopleNextStatusChangeOn = "nextStatusChangeOn";

    /// <summary><c>Person.LatestEctContractYear</c> as stored: archiving a frozen year queries it across partitions.</summary>
    public const string PeopleLatestEctContractYear = "latestEctContractYear";

    /// <summary><c>Person.LatestMentorContractYear</c> as stored: archiving a frozen year queries it across partitions.</summary>
    public const string PeopleLatestMentorContractYear = "latestMentorContractYear";

    /// <summary><c>ArchivedPerson.ContractYear</c>: a re-run of an archive finishes what it started.</summary>
    public const string ArchiveContractYear = "contractYear";

    /// <summary><c>Person.MentorPersonIds</c> as stored: whether a mentor was ever assigned to an ECT.</summary>
    public const string PeopleMentorPersonIds = "mentorPersonIds";

    /// <summary>
    /// The application's containers. <see cref="Workflows"/> is not listed: the durable runtime declares it with the indexes its
    /// dispatch queries need (<c>DurableTaskOptions.ContainerDefinition</c>), and Cosmos DB keeps the indexing policy a container
    /// is created with, so only one definition may exist.
    /// </summary>
    public static IReadOnlyList<ContainerDefinition> All { get; } =
    [
        new(People, "/personId", CrossPartitionIndexedPaths: [PeopleNextStatusChangeOn, PeopleLatestEctContractYear, PeopleLatestMentorContractYear]),
        new(Identifiers, "/id"),
        new(Schools, "/schoolId", ["listed", "urn", "createdAt", "updatedAt"]),
        new(
            ProviderViews,
            "/leadProviderId",
            ["sortKey", "updatedAt", "transferSortKey", "transferUpdatedAt", "mentorSortKey", "mentorUpdatedAt", "declarationSortKey", "declarationUpdatedAt"],
            CrossPartitionIndexedPaths: ["partnershipId", "schoolId", "manyDependencies"]),
        new(Finance, "/leadProviderId"),
        new(Reference, "/kind"),
        new(Archive, "/personId", CrossPartitionIndexedPaths: [ArchiveContractYear]),
    ];
}
