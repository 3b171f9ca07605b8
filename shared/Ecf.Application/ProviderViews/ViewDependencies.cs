using Ecf.Domain.People;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// What a provider's participant view was projected from besides the person: the partnerships (their delivery partner and
/// status) and schools (their current URN) of its enrolments, and the latest time one of those changed. Stored on the view
/// (<see cref="ProviderViewDocument.PartnershipIds"/>, <see cref="ProviderViewDocument.SchoolIds"/>), so a change to a
/// partnership or school finds the people to re-project with one single-partition query (<see cref="ProviderViewDependents"/>).
/// </summary>
/// <param name="ChangedAt">The latest <c>UpdatedAt</c> of those partnerships and schools, when known: a change of content caused by them moves <c>updated_at</c> to it.</param>
public sealed record ViewDependencies(IReadOnlyList<string> PartnershipIds, IReadOnlyList<string> SchoolIds, DateTimeOffset? ChangedAt)
{
    public static ViewDependencies None { get; } = new([], [], null);

    /// <summary>These dependencies and those of one more visible participation.</summary>
    public ViewDependencies With(Participation participation, IReadOnlyDictionary<string, PartnershipFact> partnerships, IReadOnlyDictionary<string, SchoolFact>? schools)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(partnerships);
        var training = participation.LatestTrainingPeriod;
        if (training is null)
        {
            return this;
        }

        var partnershipIds = PartnershipIds;
        var changedAt = ChangedAt;
        if (training.PartnershipId is { } partnershipId)
        {
            partnershipIds = Add(partnershipIds, partnershipId);
            changedAt = Later(changedAt, partnerships.TryGetValue(partnershipId, out var fact) ? fact.UpdatedAt : null);
        }

        var schoolIds = SchoolIds;
        if (ParticipantProjection.EnrolmentSchool(participation, training)?.SchoolId is { } schoolId)
        {
            schoolIds = Add(schoolIds, schoolId);
            changedAt = Later(changedAt, schools is not null && schools.TryGetValue(schoolId, out var school) ? school.UpdatedAt : null);
        }

        return new ViewDependencies(partnershipIds, schoolIds, changedAt);
    }

    private static List<string> Add(IReadOnlyList<string> ids, string id) =>
        ids.Contains(id, StringComparer.Ordinal) ? [.. ids] : [.. ids.Append(id).Order(StringComparer.Ordinal)];

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
