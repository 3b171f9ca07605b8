using Ecf.Application.Declarations;
using Ecf.Application.Errors;
using Ecf.Application.Participants;
using Ecf.Application.Partnerships;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.ParticipantActions;

/// <summary>The v3 participant actions (<c>PUT /api/v3/participants/ecf/{id}/&lt;action&gt;</c>).</summary>
public enum ParticipantAction
{
    Withdraw,
    Defer,
    Resume,
    ChangeSchedule,
}

/// <param name="Reason">Withdraw and defer only.</param>
/// <param name="ChangeSchedule">Change schedule only (its course is the request's).</param>
public sealed record ParticipantActionCommand(
    Guid LeadProviderId, string ParticipantId, ParticipantAction Action, string? CourseIdentifier, string? Reason, ChangeScheduleRequest? ChangeSchedule, string CorrelationId);

/// <summary>
/// A lead provider's participant action: decided by <see cref="ParticipantActionDecider"/> against the person, written with its
/// timeline events in one batch (deciding again after a lost race), then the provider views; answers with the provider's
/// participant as <c>GET /api/v3/participants/ecf/{id}</c> now shows it.
/// </summary>
public sealed class ParticipantActionHandler(
    IReferenceData referenceData,
    DeclarationWrites writes,
    IPartnershipFacts partnershipFacts,
    IDocumentStore store,
    GetParticipantHandler participants,
    TimeProvider clock)
{
    public async Task<Result<ReadOnlyMemory<byte>>> HandleAsync(ParticipantActionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var context = new PersonChangeContext(now, new Actor(ActorTypes.LeadProviderApi, command.LeadProviderId.ToString("D")), command.CorrelationId, command.Reason);
        var facts = Facts(snapshot, now, command.LeadProviderId);
        if (!Guid.TryParse(command.ParticipantId, out var id))
        {
            return Result<ReadOnlyMemory<byte>>.Failure(ApiError.ParticipantAction(Decide(command, null, facts, context).Refusals));
        }

        async Task<ParticipantActionDecision> DecideAsync(Person? person, IReadOnlyDictionary<string, string> states, CancellationToken ct)
        {
            IReadOnlyCollection<string> partnershipIds = person is null ? [] : ParticipantProjection.PartnershipIds(person);
            var partnerships = await partnershipFacts.GetAsync(partnershipIds, ct).ConfigureAwait(false);
            var current = facts with
            {
                ChallengedPartnerships = partnerships.Values.Where(p => p.Challenged).Select(p => p.PartnershipId).ToHashSet(StringComparer.Ordinal),
                ProviderPartnerships = command.ChangeSchedule is { } change
                    ? await SchoolPartnershipsAsync(person, change, command.LeadProviderId, ct).ConfigureAwait(false)
                    : facts.ProviderPartnerships,
            };
            return Decide(command, person, current, context);
        }

        var written = await writes.DecideAndWriteAsync(
            id.ToString("D"), snapshot.StatementCalendar, DecideAsync, d => ApiError.ParticipantAction(d.Refusals), null, now, cancellationToken).ConfigureAwait(false);
        return written.IsSuccess
            ? await participants.GetParticipantAsync(command.LeadProviderId, written.Value.Person.PersonId, cancellationToken).ConfigureAwait(false)
            : Result<ReadOnlyMemory<byte>>.Failure(written.Errors);
    }

    /// <summary>The rules' facts from the reference data, before the person's partnerships are known.</summary>
    public static ParticipantActionFacts Facts(ReferenceDataSnapshot snapshot, DateTimeOffset now, Guid leadProviderId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(
            now,
            leadProviderId,
            snapshot.ContractPeriods,
            snapshot.Schedules,
            snapshot.NpqSchedules.Select(s => s.Identifier).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal),
            new Dictionary<int, Partnership>());
    }

    /// <summary>
    /// The active partnership of <paramref name="leadProviderId"/> at the school of <paramref name="participation"/>'s latest training,
    /// in each of <paramref name="years"/> (years without one are left out).
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Partnership>> ProviderPartnershipsAsync(
        IDocumentStore store, Participation? participation, Guid leadProviderId, IEnumerable<int> years, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(years);
        var found = new Dictionary<int, Partnership>();
        if (participation?.LatestTrainingPeriod is not { } latest || ParticipantProjection.EnrolmentSchool(participation, latest)?.SchoolId is not { } schoolId)
        {
            return found;
        }

        foreach (var year in years.Distinct())
        {
            var school = await SchoolPartnershipLookup.ReadAsync(store, [schoolId], year, cancellationToken).ConfigureAwait(false);
            if (school.TryGetValue(schoolId, out var partnerships) && partnerships.Partnerships.FirstOrDefault(p => p.IsActive && p.LeadProviderId == leadProviderId) is { } partnership)
            {
                found[year] = partnership;
            }
        }

        return found;
    }

    private Task<IReadOnlyDictionary<int, Partnership>> SchoolPartnershipsAsync(Person? person, ChangeScheduleRequest change, Guid leadProviderId, CancellationToken cancellationToken)
    {
        var participation = CourseIdentifiers.ParticipationType(change.CourseIdentifier) is { } type ? person?.FindParticipation(type) : null;
        var years = new List<int>();
        if (participation?.LatestTrainingPeriod is { } latest)
        {
            years.Add(latest.ContractYear);
        }

        if (int.TryParse(change.Cohort, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var requested))
        {
            years.Add(requested);
        }

        return ProviderPartnershipsAsync(store, participation, leadProviderId, years, cancellationToken);
    }

    private static ParticipantActionDecision Decide(ParticipantActionCommand command, Person? person, ParticipantActionFacts facts, PersonChangeContext context) => command.Action switch
    {
        ParticipantAction.Withdraw => ParticipantActionDecider.Withdraw(person, command.CourseIdentifier, command.Reason, facts, context),
        ParticipantAction.Defer => ParticipantActionDecider.Defer(person, command.CourseIdentifier, command.Reason, facts, context),
        ParticipantAction.Resume => ParticipantActionDecider.Resume(person, command.CourseIdentifier, facts, context),
        _ => ParticipantActionDecider.ChangeSchedule(person, command.ChangeSchedule ?? new ChangeScheduleRequest(null, command.CourseIdentifier, null), facts, context),
    };
}
