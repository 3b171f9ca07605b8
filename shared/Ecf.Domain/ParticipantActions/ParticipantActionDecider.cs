using System.Globalization;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.ParticipantActions;

/// <summary>
/// The pure rules of the lead providers' participant actions (docs/domain.md#participant-actions): withdraw, defer, resume and change
/// schedule, as ECF applies them. Training status lives on the provider's training period, so one provider's action never touches
/// what another provider sees. Each returns the person's new timeline events, written with the person in one atomic batch.
/// </summary>
public static class ParticipantActionDecider
{
    /// <summary>The v3 withdrawal reasons (<c>school-left-fip</c> became <c>switched-to-school-led</c> in 2025).</summary>
    public static readonly IReadOnlyList<string> WithdrawalReasons = ["left-teaching-profession", "moved-school", "mentor-no-longer-being-mentor", "switched-to-school-led", "other"];

    public static readonly IReadOnlyList<string> DeferralReasons = ["bereavement", "long-term-sickness", "parental-leave", "career-break", "other"];

    public static ParticipantActionDecision Withdraw(Person? person, string? courseIdentifier, string? reason, ParticipantActionFacts facts, PersonChangeContext context) =>
        ChangeStatus(person, courseIdentifier, reason, WithdrawalReasons, TrainingStatuses.Withdrawn, facts, context);

    public static ParticipantActionDecision Defer(Person? person, string? courseIdentifier, string? reason, ParticipantActionFacts facts, PersonChangeContext context) =>
        ChangeStatus(person, courseIdentifier, reason, DeferralReasons, TrainingStatuses.Deferred, facts, context);

    /// <summary>Back to active, from deferred or withdrawn (ECF allows resuming a withdrawn participant).</summary>
    public static ParticipantActionDecision Resume(Person? person, string? courseIdentifier, ParticipantActionFacts facts, PersonChangeContext context) =>
        ChangeStatus(person, courseIdentifier, null, null, TrainingStatuses.Active, facts, context);

    /// <summary>
    /// ECF's <c>ChangeSchedule</c>: a new training period with the new schedule and the target contract year (the v3 <c>cohort</c>,
    /// by default the current one). Every rule is checked; the first broken rule of each attribute is reported.
    /// </summary>
    public static ParticipantActionDecision ChangeSchedule(Person? person, ChangeScheduleRequest request, ParticipantActionFacts facts, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var refusals = new Refusals();
        var (participation, period) = Resolve(person, request.CourseIdentifier, facts, refusals);
        if (string.IsNullOrWhiteSpace(request.ScheduleIdentifier))
        {
            refusals.Add(ParticipantActionRule.ScheduleInvalid, "schedule_identifier", ParticipantActionMessages.ScheduleInvalid);
        }

        int? requestedYear = null;
        if (!string.IsNullOrWhiteSpace(request.Cohort))
        {
            if (int.TryParse(request.Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && facts.ContractPeriod(year) is not null)
            {
                requestedYear = year;
            }
            else
            {
                refusals.Add(ParticipantActionRule.CohortInvalid, "cohort", ParticipantActionMessages.CohortInvalid);
            }
        }

        if (request.AttemptToTransferLeavingBillableDeclarations)
        {
            refusals.Add(ParticipantActionRule.FrozenTransferNotOpenToProviders, "attempt_to_transfer_leaving_billable_declarations", ParticipantActionMessages.FrozenTransferNotOpenToProviders);
        }

        if (participation is null || period is null || refusals.Any)
        {
            return refusals.Decision();
        }

        var target = requestedYear ?? period.ContractYear;
        var schedule = facts.Schedule(target, request.ScheduleIdentifier);
        if (schedule is null)
        {
            var npq = facts.NpqScheduleIdentifiers.Contains(request.ScheduleIdentifier!);
            refusals.Add(
                npq ? ParticipantActionRule.ScheduleInvalidForCourse : ParticipantActionRule.ScheduleInvalid,
                "schedule_identifier",
                npq ? ParticipantActionMessages.ScheduleInvalidForCourse : ParticipantActionMessages.ScheduleInvalid);
        }

        if (period.TrainingStatus == TrainingStatuses.Withdrawn)
        {
            refusals.Add(ParticipantActionRule.WithdrawnParticipant, "participant_id", ParticipantActionMessages.WithdrawnParticipant);
        }

        var applicable = participation.Declarations.Where(d => DeclarationStates.HoldsSlot(d.State)).ToList();
        if (schedule is not null)
        {
            var checkedDeclarations = participation.CohortChangedAfterPaymentsFrozen ? applicable.Where(d => !facts.PaymentsFrozen(d.ContractYear)) : applicable;
            if (!checkedDeclarations.All(d => FitsMilestone(d, schedule)))
            {
                refusals.Add(ParticipantActionRule.ScheduleInvalidatesDeclarations, "schedule_identifier", ParticipantActionMessages.ScheduleInvalidatesDeclarations);
            }

            if (target == period.ContractYear && string.Equals(schedule.Identifier, period.ScheduleIdentifier, StringComparison.Ordinal))
            {
                refusals.Add(ParticipantActionRule.ScheduleAlreadyOnProfile, "schedule_identifier", ParticipantActionMessages.ScheduleAlreadyOnProfile);
            }
        }

        if (applicable.Count > 0 && target != period.ContractYear)
        {
            refusals.Add(ParticipantActionRule.CannotChangeCohort, "cohort", ParticipantActionMessages.CannotChangeCohort);
        }

        facts.ProviderPartnerships.TryGetValue(target, out var partnership);
        if (partnership is null)
        {
            refusals.Add(ParticipantActionRule.NoPartnershipForCohort, "cohort", ParticipantActionMessages.NoPartnershipForCohort);
        }

        if (refusals.Any)
        {
            return refusals.Decision();
        }

        var cohortChanges = target != period.ContractYear;
        var next = period with
        {
            ScheduleIdentifier = schedule!.Identifier,
            Cohort = cohortChanges ? target : period.Cohort,
            ContractYear = target,
            PartnershipId = cohortChanges ? partnership!.Id : period.PartnershipId,
            DeliveryPartnerId = cohortChanges ? partnership!.DeliveryPartnerId : period.DeliveryPartnerId,
        };
        return Replace(person!, participation, period, next, [], context);
    }

    /// <summary>
    /// ECF's milestone check when changing schedule: after the start of the milestone's first day (a declaration at exactly
    /// midnight does not fit) and, when the milestone has a cut-off, by the end of its day. A type the schedule lacks does not fit.
    /// </summary>
    public static bool FitsMilestone(Declaration declaration, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.FindMilestone(declaration.DeclarationType) is not { } milestone)
        {
            return false;
        }

        var date = declaration.DeclarationDate.UtcDateTime;
        return date > milestone.StartDate.ToDateTime(TimeOnly.MinValue)
            && (milestone.MilestoneDate is not { } cutOff || date < cutOff.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>
    /// The participation named by <paramref name="courseIdentifier"/> and the provider's training period of it (the latest, which
    /// is the one the provider sees), or the refusals: unknown participant, missing or unknown course.
    /// </summary>
    internal static (Participation? Participation, TrainingPeriod? Period) Resolve(Person? person, string? courseIdentifier, ParticipantActionFacts facts, Refusals refusals)
    {
        var visible = person?.Participations.Where(p => p.LatestTrainingPeriod is { } latest && facts.ProviderTrains(latest)).ToList() ?? [];
        if (visible.Count == 0)
        {
            refusals.Add(ParticipantActionRule.ParticipantNotRecognised, "participant_id", ParticipantActionMessages.ParticipantNotRecognised);
        }

        if (string.IsNullOrWhiteSpace(courseIdentifier))
        {
            refusals.Add(ParticipantActionRule.CourseMissing, "course_identifier", ParticipantActionMessages.CourseMissing);
            return (null, null);
        }

        if (visible.Count == 0)
        {
            return (null, null);
        }

        var type = CourseIdentifiers.ParticipationType(courseIdentifier);
        var participation = visible.FirstOrDefault(p => p.Type == type);
        if (participation is null)
        {
            refusals.Add(ParticipantActionRule.CourseNotRecognised, "course_identifier", ParticipantActionMessages.CourseNotRecognised);
            return (null, null);
        }

        return (participation, participation.LatestTrainingPeriod);
    }

    /// <summary>
    /// Ends <paramref name="period"/> where <paramref name="next"/> starts (today, or the day the period had already ended) and
    /// starts <paramref name="next"/> as the participation's next training period, with <paramref name="between"/> in between.
    /// </summary>
    internal static ParticipantActionDecision Replace(
        Person person, Participation participation, TrainingPeriod period, TrainingPeriod next, IReadOnlyList<PersonEventData> between, PersonChangeContext context)
    {
        var from = period.To is { } to && to < context.Today ? to : context.Today;
        from = from < period.From ? period.From : from;
        var started = next with
        {
            Id = PersonDecider.PeriodId(participation.TrainingRecordId, "training", participation.TrainingPeriods.Count + 1),
            From = from,
            To = period.To,
        };
        PersonEventData[] data =
        [
            new TrainingPeriodFinished(participation.TrainingRecordId, period.Id, from),
            .. between,
            new TrainingPeriodStarted(participation.TrainingRecordId, started),
        ];
        return Apply(person, participation.TrainingRecordId, data, from, context);
    }

    private static ParticipantActionDecision ChangeStatus(
        Person? person, string? courseIdentifier, string? reason, IReadOnlyList<string>? reasons, string to, ParticipantActionFacts facts, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var refusals = new Refusals();
        var (participation, period) = Resolve(person, courseIdentifier, facts, refusals);
        if (reasons is not null)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                refusals.Add(ParticipantActionRule.ReasonMissing, "reason", ParticipantActionMessages.ReasonMissing);
            }
            else if (!reasons.Contains(reason, StringComparer.Ordinal))
            {
                refusals.Add(ParticipantActionRule.ReasonInvalid, "reason", ParticipantActionMessages.ReasonInvalid);
            }
        }

        if (period is not null)
        {
            var (rule, message) = (period.TrainingStatus, to) switch
            {
                (TrainingStatuses.Withdrawn, TrainingStatuses.Withdrawn or TrainingStatuses.Deferred) => (ParticipantActionRule.AlreadyWithdrawn, ParticipantActionMessages.AlreadyWithdrawn),
                (TrainingStatuses.Deferred, TrainingStatuses.Deferred) => (ParticipantActionRule.AlreadyDeferred, ParticipantActionMessages.AlreadyDeferred),
                (TrainingStatuses.Active, TrainingStatuses.Active) => (ParticipantActionRule.AlreadyActive, ParticipantActionMessages.AlreadyActive),
                _ => ((ParticipantActionRule?)null, (string?)null),
            };
            if (rule is { } broken)
            {
                refusals.Add(broken, "participant_profile", message!);
            }
        }

        if (refusals.Any)
        {
            return refusals.Decision();
        }

        var change = new TrainingStatusChanged(participation!.TrainingRecordId, period!.Id, period.TrainingStatus, to, reason);
        return Apply(person!, participation.TrainingRecordId, [change], context.Today, context);
    }

    internal static ParticipantActionDecision Apply(Person person, string trainingRecordId, IReadOnlyList<PersonEventData> data, DateOnly occurredOn, PersonChangeContext context)
    {
        var events = PersonDecider.Append(person, trainingRecordId, data, occurredOn, context);
        var after = events.Aggregate(person, PersonDecider.Evolve);
        return PersonInvariants.Violations(after) is { Count: > 0 } broken
            ? throw new InvalidOperationException("A participant action broke the person's rules: " + string.Join("; ", broken))
            : new ParticipantActionDecision(events, after, []);
    }

    /// <summary>The refusals of one decision: the first per attribute (as ECF reports them), or every one when <c>all</c>.</summary>
    internal sealed class Refusals(bool all = false)
    {
        private readonly List<ParticipantActionRefusal> list = [];

        public bool Any => list.Count > 0;

        public void Add(ParticipantActionRule rule, string attribute, string message)
        {
            if (all || !list.Exists(r => r.Attribute == attribute))
            {
                list.Add(new(rule, attribute, message));
            }
        }

        public ParticipantActionDecision Decision() => ParticipantActionDecision.Refuse([.. list]);
    }
}
