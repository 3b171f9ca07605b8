using System.Globalization;

namespace Ecf.Domain.People;

/// <summary>
/// The daily refresh of stored statuses (docs/domain.md#statuses): for each participation whose statuses are stale on the context's day
/// (<see cref="ParticipationStatusRules.IsStale"/>), one <see cref="StatusesRefreshed"/> event with the statuses as of that day.
/// Nothing when nothing is stale, so a second run on the same day decides nothing. Pure, like <see cref="PersonDecider"/>.
/// </summary>
public static class StatusRefreshDecider
{
    public static StatusRefreshDecision Decide(Person state, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var today = context.Today;
        var events = new List<PersonEvent>();
        var current = state;
        foreach (var participation in state.Participations.Where(p => ParticipationStatusRules.IsStale(p, today)))
        {
            var before = participation.Statuses;
            var after = ParticipationStatusRules.Compute(participation, today);
            var sequence = current.TimelineSequence + 1;
            var @event = PersonDecider.NewEvent(
                state.PersonId, sequence, new StatusesRefreshed(participation.TrainingRecordId, after), today, participation.TrainingRecordId,
                Changes(participation.TrainingRecordId, before, after), context);
            events.Add(@event);
            current = PersonDecider.Evolve(current, @event);
        }

        if (events.Count > 0 && PersonInvariants.Violations(current) is { Count: > 0 } violations)
        {
            return new StatusRefreshDecision(state, [], string.Join("; ", violations));
        }

        return new StatusRefreshDecision(current, events);
    }

    private static List<FieldChange> Changes(string trainingRecordId, ParticipationStatuses before, ParticipationStatuses after)
    {
        var path = $"participations[{trainingRecordId}].statuses.";
        var changes = new List<FieldChange>();
        Add(changes, path + "participantStatus", before.ParticipantStatus, after.ParticipantStatus);
        Add(changes, path + "trainingStatus", before.TrainingStatus, after.TrainingStatus);
        Add(changes, path + "eligibleForFunding", Text(before.EligibleForFunding), Text(after.EligibleForFunding));
        Add(changes, path + "asOf", before.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return changes;
    }

    private static void Add(List<FieldChange> changes, string path, string? from, string? to)
    {
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(path, from, to));
        }
    }

    private static string? Text(bool? value) => value switch
    {
        null => null,
        true => "true",
        false => "false",
    };
}
