using System.Globalization;
using System.Text.Json.Serialization;
using Ecf.Application.ReferenceData;
using Ecf.Domain.People;

namespace Ecf.Application.ProviderViews;

/// <summary>What one provider sees of a person as a v3 participant, before <c>updated_at</c> is decided.</summary>
/// <param name="Cohort">Cohort of the first visible enrolment (ECT first), for filtering (with every enrolment's when they differ).</param>
/// <param name="TrainingStatus">Training status of the first visible enrolment, for filtering (likewise).</param>
public sealed record ProjectedParticipant(
    Guid LeadProviderId,
    string FullName,
    string? Trn,
    IReadOnlyList<EcfEnrolment> Enrolments,
    IReadOnlyList<ParticipantIdChangeResource> IdChanges,
    int Cohort,
    string TrainingStatus)
{
    /// <summary>The partnerships and schools the enrolments were projected from (not part of the content hash).</summary>
    [JsonIgnore]
    public ViewDependencies Dependencies { get; init; } = ViewDependencies.None;

    /// <summary>
    /// The declarations this provider sees (<see cref="DeclarationProjection.Stamp"/>): part of the content hash, not of the rendered
    /// resource, so a change to one moves the participant's <c>updated_at</c>. Left out when null, so a participant without
    /// declarations hashes as before they existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? DeclarationStamp { get; init; }
}

/// <summary>One move between schools, and the providers on each side.</summary>
public sealed record ProjectedTransfer(string TrainingRecordId, string JoiningPeriodId, Guid? LeavingProviderId, Guid? JoiningProviderId, TransferEntry Entry);

/// <summary>
/// The pure projection of a person into what each lead provider sees (docs/domain.md#provider-views, #v3-api). A provider sees a participation
/// through its latest training period (open, else the last one closed) when that period is with the provider and its
/// partnership, if any, is not challenged. Another provider sees nothing of it, not even that it exists.
/// </summary>
public static class ParticipantProjection
{
    private const string DifferentTrn = "different_trn";

    /// <summary>The partnership ids the projection needs facts for.</summary>
    public static IReadOnlyCollection<string> PartnershipIds(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Participations
            .Select(p => p.LatestTrainingPeriod?.PartnershipId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The school ids the projection needs the current URN of (the at-school period of each participation's latest training).</summary>
    public static IReadOnlyCollection<string> SchoolIds(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Participations
            .Select(p => p.LatestTrainingPeriod is null ? null : EnrolmentSchool(p, p.LatestTrainingPeriod)?.SchoolId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The provider that sees a participation, or null (school-led, no training, or a challenged partnership).</summary>
    public static Guid? VisibleTo(Participation participation, IReadOnlyDictionary<string, PartnershipFact> partnerships)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(partnerships);
        var training = participation.LatestTrainingPeriod;
        if (training?.LeadProviderId is not { } provider)
        {
            return null;
        }

        return training.PartnershipId is { } partnershipId && partnerships.TryGetValue(partnershipId, out var fact) && fact.Challenged ? null : provider;
    }

    /// <summary>
    /// Every provider's participant view of <paramref name="person"/>, by provider. <paramref name="schools"/> gives schools'
    /// current URNs (a school missing from it shows the URN recorded on the at-school period).
    /// </summary>
    public static IReadOnlyDictionary<Guid, ProjectedParticipant> Participants(
        Person person, IReadOnlyDictionary<string, PartnershipFact> partnerships, IReadOnlyDictionary<string, SchoolFact>? schools = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(partnerships);
        var byProvider = new Dictionary<Guid, List<EcfEnrolment>>();
        var dependencies = new Dictionary<Guid, ViewDependencies>();
        foreach (var participation in person.Participations.OrderBy(p => p.Type == ParticipationTypes.Ect ? 0 : 1).ThenBy(p => p.CreatedAt))
        {
            if (VisibleTo(participation, partnerships) is not { } provider)
            {
                continue;
            }

            if (!byProvider.TryGetValue(provider, out var list))
            {
                byProvider[provider] = list = [];
            }

            list.Add(Enrolment(person, participation, partnerships, schools));
            dependencies[provider] = dependencies.GetValueOrDefault(provider, ViewDependencies.None).With(participation, partnerships, schools);
        }

        var idChanges = person.ParticipantIdChanges
            .Select(c => new ParticipantIdChangeResource(c.FromParticipantId, c.ToParticipantId, c.ChangedAt))
            .ToList();
        return byProvider.ToDictionary(
            e => e.Key,
            e => new ProjectedParticipant(
                e.Key,
                person.FullName,
                person.Trn,
                e.Value,
                idChanges,
                int.Parse(e.Value[0].Cohort, CultureInfo.InvariantCulture),
                e.Value[0].TrainingStatus)
            { Dependencies = dependencies[e.Key], DeclarationStamp = DeclarationProjection.Stamp(person, e.Key, partnerships) });
    }

    /// <summary>The at-school period an enrolment shows: the one the latest training belongs to, else the latest.</summary>
    public static AtSchoolPeriod? EnrolmentSchool(Participation participation, TrainingPeriod training)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(training);
        return participation.AtSchoolPeriods.LastOrDefault(s => s.Id == training.AtSchoolPeriodId) ?? participation.LatestAtSchoolPeriod;
    }

    /// <summary>The v3 enrolment of one participation (<c>school_urn</c>: the school's current URN when <paramref name="schools"/> knows it).</summary>
    public static EcfEnrolment Enrolment(
        Person person, Participation participation, IReadOnlyDictionary<string, PartnershipFact> partnerships, IReadOnlyDictionary<string, SchoolFact>? schools = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(partnerships);
        var training = participation.LatestTrainingPeriod ?? throw new ArgumentException("A visible participation has training.", nameof(participation));
        var school = EnrolmentSchool(participation, training);
        var schoolUrn = school is null ? (int?)null : schools is not null && schools.TryGetValue(school.SchoolId, out var current) ? current.Urn : school.SchoolUrn;
        var deliveryPartner = training.PartnershipId is { } partnershipId && partnerships.TryGetValue(partnershipId, out var fact)
            ? fact.DeliveryPartnerId
            : training.DeliveryPartnerId;
        var mentorship = participation.OpenMentorshipPeriod ?? (participation.MentorshipPeriods is { Count: > 0 } mentorships ? mentorships[^1] : null);
        var eligibilityReason = participation.CurrentFundingEligibility?.Reason;
        var statuses = participation.Statuses;
        return new EcfEnrolment(
            TrainingRecordId: participation.TrainingRecordId,
            Email: person.CurrentEmail?.Address,
            MentorId: participation.Type == ParticipationTypes.Ect ? mentorship?.MentorPersonId : null,
            SchoolUrn: schoolUrn?.ToString(CultureInfo.InvariantCulture),
            ParticipantType: participation.Type,
            Cohort: training.ContractYear.ToString(CultureInfo.InvariantCulture), // v3 "cohort": the call-off contract that funds the training (ADR 0006)
            TrainingStatus: statuses.TrainingStatus,
            ParticipantStatus: statuses.ParticipantStatus,
            TeacherReferenceNumberValidated: person.Trn is null ? null : eligibilityReason is not null && eligibilityReason != DifferentTrn,
            EligibleForFunding: statuses.EligibleForFunding,
            PupilPremiumUplift: participation.PupilPremiumUplift,
            SparsityUplift: participation.SparsityUplift,
            ScheduleIdentifier: training.ScheduleIdentifier,
            DeliveryPartnerId: deliveryPartner?.ToString("D"),
            Withdrawal: training.TrainingStatus == TrainingStatuses.Withdrawn && training.Withdrawal is { } w ? new StatusChangeResource(w.Reason, w.Date) : null,
            Deferral: training.TrainingStatus == TrainingStatuses.Deferred && training.Deferral is { } d ? new StatusChangeResource(d.Reason, d.Date) : null,
            CreatedAt: participation.CreatedAt,
            InductionEndDate: participation.Type == ParticipationTypes.Ect ? (participation.InductionPeriods is { Count: > 0 } inductions ? inductions[^1].FinishedOn : null) : null,
            MentorFundingEndDate: null,
            CohortChangedAfterPaymentsFrozen: participation.CohortChangedAfterPaymentsFrozen,
            MentorIneligibleForFundingReason: null);
    }

    /// <summary>
    /// Every move between schools: for each pair of consecutive at-school periods of a participation, the providers of the last
    /// training at the school left and the first at the school joined. <c>new_school</c> when the provider is kept,
    /// <c>new_provider</c> when it changes, <c>unknown</c> when either side has no provider. Complete once the joining date is
    /// reached (as of the participation's stored statuses). <paramref name="createdAt"/> gives when a move was first seen.
    /// </summary>
    public static IReadOnlyList<ProjectedTransfer> Transfers(Person person, ReferenceDataSnapshot reference, Func<string, DateTimeOffset> createdAt)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(createdAt);
        var transfers = new List<ProjectedTransfer>();
        foreach (var participation in person.Participations)
        {
            var schools = participation.AtSchoolPeriods;
            for (var i = 1; i < schools.Count; i++)
            {
                var leaving = schools[i - 1];
                var joining = schools[i];
                var leavingProvider = participation.TrainingPeriods.LastOrDefault(t => t.AtSchoolPeriodId == leaving.Id)?.LeadProviderId;
                var joiningProvider = participation.TrainingPeriods.FirstOrDefault(t => t.AtSchoolPeriodId == joining.Id)?.LeadProviderId;
                var type = leavingProvider is null || joiningProvider is null ? "unknown" : leavingProvider == joiningProvider ? "new_school" : "new_provider";
                var status = joining.From <= participation.Statuses.AsOf ? "complete" : "incomplete";
                var entry = new TransferEntry(
                    participation.TrainingRecordId,
                    type,
                    status,
                    new TransferSide(leaving.SchoolUrn.ToString(CultureInfo.InvariantCulture), ProviderName(reference, leavingProvider), leaving.To),
                    new TransferSide(joining.SchoolUrn.ToString(CultureInfo.InvariantCulture), ProviderName(reference, joiningProvider), joining.From),
                    createdAt(joining.Id));
                transfers.Add(new ProjectedTransfer(participation.TrainingRecordId, joining.Id, leavingProvider, joiningProvider, entry));
            }
        }

        return transfers;
    }

    /// <summary>Every lead provider that trains or trained the person in any period (a superset of who may hold a view).</summary>
    public static IReadOnlySet<Guid> ProvidersInvolved(Person? person) =>
        person is null
            ? new HashSet<Guid>()
            : person.Participations.SelectMany(p => p.TrainingPeriods).Select(t => t.LeadProviderId).OfType<Guid>().ToHashSet();

    private static string? ProviderName(ReferenceDataSnapshot reference, Guid? id) => id is { } value ? reference.GetLeadProvider(value)?.Name : null;
}
