using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Ecf.Domain.People;

namespace Ecf.Application.ProviderViews;

/// <summary>One ECT's relation to a mentor for one provider: whether it is now a visible ECT of the provider mentored by them.</summary>
public sealed record MenteeLink(string EctPersonId, int EctVersion, bool IsMentee, DateTimeOffset EctUpdatedAt);

/// <summary>
/// Unfunded mentors (docs/domain.md#provider-views): for a lead provider, a mentor currently assigned to one of the provider's
/// visible ECTs who is not themselves in training with that provider. The view document of a mentor in a provider's
/// partition keeps the set of such ECTs (<see cref="ProviderViewDocument.Mentees"/>), maintained one ECT at a time, and is
/// visible while that set is not empty and the mentor does not train with the provider.
/// </summary>
public static class UnfundedMentorProjection
{
    /// <summary>Every mentor named by any mentorship period of the person's ECT participations.</summary>
    public static IReadOnlySet<string> MentorIds(Person? person) =>
        person is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : person.Participations
                .Where(p => p.Type == ParticipationTypes.Ect)
                .SelectMany(p => p.MentorshipPeriods)
                .Select(m => m.MentorPersonId)
                .ToHashSet(StringComparer.Ordinal);

    /// <summary>The current mentors of the person's ECT participations visible to each provider, by provider.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlySet<string>> CurrentMentors(Person person, IReadOnlyDictionary<string, PartnershipFact> partnerships)
    {
        ArgumentNullException.ThrowIfNull(person);
        var byProvider = new Dictionary<Guid, HashSet<string>>();
        foreach (var participation in person.Participations.Where(p => p.Type == ParticipationTypes.Ect))
        {
            if (participation.OpenMentorshipPeriod is not { } mentorship || ParticipantProjection.VisibleTo(participation, partnerships) is not { } provider)
            {
                continue;
            }

            if (!byProvider.TryGetValue(provider, out var set))
            {
                byProvider[provider] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(mentorship.MentorPersonId);
        }

        return byProvider.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value);
    }

    /// <summary>Whether the mentor is in training with the provider (the latest training period of any participation).</summary>
    public static bool TrainsWith(Person mentor, Guid provider)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        return mentor.Participations.Any(p => p.LatestTrainingPeriod?.LeadProviderId == provider);
    }

    /// <summary>
    /// The unfunded-mentor view a provider should hold for <paramref name="mentor"/>, or null to leave the stored one as it is.
    /// <paramref name="link"/> is the change one ECT brings (null when only the mentor changed). The content comes from the
    /// mentor unless the stored view was projected from a newer version of the mentor; <c>updated_at</c> moves only when the
    /// content changes or the view becomes visible.
    /// </summary>
    public static ProviderViewDocument? Decide(ProviderViewDocument? stored, Guid provider, Person mentor, MenteeLink? link)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var mentees = new SortedSet<string>(stored?.Mentees ?? [], StringComparer.Ordinal);
        var versions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, version) in stored?.MenteeVersions ?? new Dictionary<string, int>())
        {
            versions[id] = version;
        }

        var cause = mentor.UpdatedAt;
        if (link is not null && !(versions.TryGetValue(link.EctPersonId, out var seen) && seen > link.EctVersion))
        {
            versions[link.EctPersonId] = link.EctVersion;
            if (link.IsMentee)
            {
                mentees.Add(link.EctPersonId);
            }
            else
            {
                mentees.Remove(link.EctPersonId);
            }

            cause = link.EctUpdatedAt > cause ? link.EctUpdatedAt : cause;
        }

        if (stored is null && mentees.Count == 0)
        {
            return null;
        }

        var staleMentor = stored is not null && stored.Version > mentor.TimelineSequence;
        var mentorVersion = staleMentor ? stored!.Version : mentor.TimelineSequence;
        bool visible;
        if (staleMentor)
        {
            // Only an older mentor is at hand: keep the newer content, and whether it was hidden for training with the provider.
            // A view that has no content yet stays hidden until the mentor is projected again (a rare race).
            var hiddenByTraining = stored!.Hidden && (stored.Mentees?.Count ?? 0) > 0;
            visible = mentees.Count > 0 && !hiddenByTraining && stored.Resource is not null && stored.ContentHash is not null;
        }
        else
        {
            visible = mentees.Count > 0 && !TrainsWith(mentor, provider);
        }

        ProviderViewDocument desired;
        if (!visible)
        {
            desired = new ProviderViewDocument
            {
                Id = ProviderViewKinds.UnfundedMentorId(mentor.PersonId),
                LeadProviderId = ProviderViewKinds.Partition(provider),
                Kind = ProviderViewKinds.UnfundedMentor,
                PersonId = mentor.PersonId,
                Version = mentorVersion,
                Hidden = true,
                KeptSortKey = stored?.AnySortKey ?? V3Json.SortableTime(cause),
                KeptUpdatedAt = stored?.AnyUpdatedAt,
                Mentees = [.. mentees],
                MenteeVersions = new Dictionary<string, int>(versions, StringComparer.Ordinal),
            };
        }
        else
        {
            string hash;
            string updatedAt;
            JsonElement rendered;
            if (staleMentor)
            {
                hash = stored!.ContentHash!;
                updatedAt = stored.MentorUpdatedAt ?? stored.AnyUpdatedAt!;
                rendered = stored.Resource!.Value;
            }
            else
            {
                var attributes = Attributes(mentor, DateTimeOffset.MinValue);
                hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(attributes, V3Json.Options)))[..32];
                updatedAt = stored is { Hidden: false, MentorUpdatedAt: { } kept } && stored.ContentHash == hash
                    ? kept
                    : Later(stored?.AnyUpdatedAt, cause);
                rendered = Render(mentor, Parse(updatedAt));
            }

            desired = new ProviderViewDocument
            {
                Id = ProviderViewKinds.UnfundedMentorId(mentor.PersonId),
                LeadProviderId = ProviderViewKinds.Partition(provider),
                Kind = ProviderViewKinds.UnfundedMentor,
                PersonId = mentor.PersonId,
                Version = mentorVersion,
                ContentHash = hash,
                MentorSortKey = stored?.AnySortKey ?? V3Json.SortableTime(cause),
                MentorUpdatedAt = updatedAt,
                Mentees = [.. mentees],
                MenteeVersions = new Dictionary<string, int>(versions, StringComparer.Ordinal),
                Resource = rendered,
            };
        }

        return stored is not null && Same(stored, desired) ? null : desired;
    }

    /// <summary>The unfunded-mentor resource as the v3 API returns it.</summary>
    public static JsonElement Render(Person mentor, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        return JsonSerializer.SerializeToElement(
            new UnfundedMentorResource(mentor.PersonId, ProviderViewKinds.UnfundedMentor, Attributes(mentor, updatedAt)), V3Json.Options);
    }

    private static UnfundedMentorAttributes Attributes(Person mentor, DateTimeOffset updatedAt) =>
        new(mentor.FullName, mentor.CurrentEmail?.Address, mentor.Trn, mentor.CreatedAt, updatedAt);

    private static bool Same(ProviderViewDocument stored, ProviderViewDocument desired) =>
        stored.Hidden == desired.Hidden
        && stored.Version == desired.Version
        && stored.Kind == desired.Kind
        && stored.PersonId == desired.PersonId
        && stored.ContentHash == desired.ContentHash
        && stored.MentorSortKey == desired.MentorSortKey
        && stored.MentorUpdatedAt == desired.MentorUpdatedAt
        && stored.KeptSortKey == desired.KeptSortKey
        && stored.KeptUpdatedAt == desired.KeptUpdatedAt
        && (stored.Mentees ?? []).SequenceEqual(desired.Mentees ?? [], StringComparer.Ordinal)
        && (stored.MenteeVersions ?? new Dictionary<string, int>()).OrderBy(e => e.Key, StringComparer.Ordinal)
            .SequenceEqual((desired.MenteeVersions ?? new Dictionary<string, int>()).OrderBy(e => e.Key, StringComparer.Ordinal))
        && (stored.Resource is { } a ? desired.Resource is { } b && JsonElement.DeepEquals(a, b) : desired.Resource is null);

    private static string Later(string? stored, DateTimeOffset candidate)
    {
        var formatted = V3Json.SortableTime(candidate);
        return stored is not null && string.CompareOrdinal(stored, formatted) > 0 ? stored : formatted;
    }

    private static DateTimeOffset Parse(string sortable) => DateTimeOffset.Parse(sortable, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
