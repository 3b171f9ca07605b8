using System.Text.Json;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// A provider view: what one lead provider sees of one person, pre-rendered as the v3 resource (<see cref="Resource"/>), so a
/// list is a single-partition keyset query that copies resources into the response without re-serialising.
/// <para>
/// Ordering and filter fields are named per kind and present only while the view is visible, so each list query is one
/// index range: participants order on <see cref="SortKey"/> (immutable: the first time this provider could see the person)
/// or <see cref="UpdatedAt"/>; transfers on <see cref="TransferSortKey"/> / <see cref="TransferUpdatedAt"/>; unfunded
/// mentors on <see cref="MentorSortKey"/> / <see cref="MentorUpdatedAt"/>; declarations on <see cref="DeclarationSortKey"/> /
/// <see cref="DeclarationUpdatedAt"/>. A hidden view keeps its keys in
/// <see cref="KeptSortKey"/> and <see cref="KeptUpdatedAt"/> and its <see cref="Version"/>, so an older write cannot revive it.
/// </para>
/// </summary>
public sealed record ProviderViewDocument
{
    public required string Id { get; init; }

    public required string LeadProviderId { get; init; }

    public required string Kind { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The person's <c>TimelineSequence</c> this view was projected from.</summary>
    public required int Version { get; init; }

    /// <summary>Hash of what the provider sees (the resource without <c>updated_at</c>).</summary>
    public string? ContentHash { get; init; }

    public bool Hidden { get; init; }

    public string? SortKey { get; init; }

    public string? UpdatedAt { get; init; }

    /// <summary>Participants: cohort (start year) of the first visible enrolment; declarations: the declaration's cohort. For <c>filter[cohort]</c>.</summary>
    public int? Cohort { get; init; }

    /// <summary>Participants: training status of the first visible enrolment, for <c>filter[training_status]</c>.</summary>
    public string? TrainingStatus { get; init; }

    /// <summary>Participants: every visible enrolment's cohort, only when they differ (a dual-role person), so a filter matches any of them.</summary>
    public IReadOnlyList<int>? Cohorts { get; init; }

    /// <summary>Participants: every visible enrolment's training status, only when they differ.</summary>
    public IReadOnlyList<string>? TrainingStatuses { get; init; }

    /// <summary>Participants: the partnerships the enrolments were projected from (a change to one re-projects the person).</summary>
    public IReadOnlyList<string>? PartnershipIds { get; init; }

    /// <summary>Participants: the schools whose current URN the enrolments show (a URN change re-projects the person).</summary>
    public IReadOnlyList<string>? SchoolIds { get; init; }

    /// <summary>Participants: the partnership when <see cref="PartnershipIds"/> has exactly one (indexed, so the usual lookup is an index seek).</summary>
    public string? PartnershipId { get; init; }

    /// <summary>Participants: the school when <see cref="SchoolIds"/> has exactly one (indexed).</summary>
    public string? SchoolId { get; init; }

    /// <summary>Participants: true when <see cref="PartnershipIds"/> or <see cref="SchoolIds"/> has several (indexed; only these views are searched by array).</summary>
    public bool? ManyDependencies { get; init; }

    public string? TransferSortKey { get; init; }

    public string? TransferUpdatedAt { get; init; }

    public string? MentorSortKey { get; init; }

    public string? MentorUpdatedAt { get; init; }

    /// <summary>Declarations: the declaration's <c>created_at</c> (sortable) and id; immutable.</summary>
    public string? DeclarationSortKey { get; init; }

    /// <summary>Declarations: moves only when what the provider sees of the declaration changes.</summary>
    public string? DeclarationUpdatedAt { get; init; }

    /// <summary>Declarations: the delivery partner recorded on the declaration, for <c>filter[delivery_partner_id]</c> (with <see cref="Cohort"/> for <c>filter[cohort]</c>).</summary>
    public string? DeliveryPartnerId { get; init; }

    public string? KeptSortKey { get; init; }

    public string? KeptUpdatedAt { get; init; }

    /// <summary>Transfers: when each move (by joining at-school period id) was first seen, kept across projections.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? TransferCreatedAt { get; init; }

    /// <summary>Unfunded mentors: this provider's ECTs mentored by the person.</summary>
    public IReadOnlyList<string>? Mentees { get; init; }

    /// <summary>Unfunded mentors: the latest version of each ECT (mentee or not) applied, so an older projection cannot undo a newer one.</summary>
    public IReadOnlyDictionary<string, int>? MenteeVersions { get; init; }

    /// <summary>Aliases: nothing else; the person id says where the participant view is.</summary>
    public JsonElement? Resource { get; init; }

    /// <summary>The sort key whether visible or hidden.</summary>
    public string? AnySortKey => SortKey ?? TransferSortKey ?? MentorSortKey ?? DeclarationSortKey ?? KeptSortKey;

    /// <summary>The updated_at whether visible or hidden.</summary>
    public string? AnyUpdatedAt => UpdatedAt ?? TransferUpdatedAt ?? MentorUpdatedAt ?? DeclarationUpdatedAt ?? KeptUpdatedAt;
}
