using System.Globalization;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.ParticipantActions;

/// <summary>
/// Moving an ECT out of a payments-frozen contract year into the active registration year without voiding the billable declarations
/// left behind, and back again to declare against the original year (docs/domain.md#frozen-years). The direction follows from where
/// the participant is: in a frozen year, out; moved out earlier, back. Every condition that fails is reported, each with its own rule.
/// </summary>
public static class ContractYearMoves
{
    /// <summary>The schedule of a participant moved out of a frozen year by default (ECF's <c>EXTENDED_SCHEDULE_IDENTIFIER</c>).</summary>
    public const string MovedOutSchedule = "ecf-extended-september";

    /// <summary>
    /// ECF's <c>unfinished_with_billable_declaration</c> without the target: an ECT with a billable declaration other than
    /// <c>completed</c>, no billable <c>completed</c> one, and induction not completed.
    /// </summary>
    public static bool UnfinishedWithBillableDeclaration(Participation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        return participation.Type == ParticipationTypes.Ect && !InductionCompleted(participation) && HasBillable(participation, completed: false) && !HasBillable(participation, completed: true);
    }

    /// <summary>No declaration is billable (stored <c>eligible</c>: payable and paid are eligible declarations on a moved statement, ADR 0012).</summary>
    public static bool HasNoBillableDeclaration(Participation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        return !participation.Declarations.Any(d => DeclarationStates.IsBillable(d.State));
    }

    public static bool InductionCompleted(Participation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        return participation.InductionPeriods.Count > 0 && participation.InductionPeriods[^1].FinishedOn is not null;
    }

    /// <summary>
    /// An admin's move of participation <paramref name="trainingRecordId"/> to <see cref="ContractYearMoveRequest.ContractYear"/>.
    /// <paramref name="facts"/> name the participation's lead provider and the school's partnership with it in the target year, if any
    /// (the new training period is through it; else through the current one).
    /// </summary>
    public static ParticipantActionDecision Move(Person? person, string trainingRecordId, ContractYearMoveRequest request, ParticipantActionFacts facts, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var participation = person?.FindParticipationById(trainingRecordId);
        if (participation?.LatestTrainingPeriod is not { } period)
        {
            return ParticipantActionDecision.Refuse(ParticipantActionRule.ParticipationNotFound, "id", "Nothing could be found for the provided details");
        }

        var refusals = new ParticipantActionDecider.Refusals(all: true);
        if (!request.AttemptToTransferLeavingBillableDeclarations)
        {
            refusals.Add(ParticipantActionRule.MoveNotRequested, "attempt_to_transfer_leaving_billable_declarations", ParticipantActionMessages.MoveNotRequested);
        }

        if (participation.Type != ParticipationTypes.Ect)
        {
            refusals.Add(ParticipantActionRule.NotAnEct, "participant_type", ParticipantActionMessages.NotAnEct);
        }

        if (!int.TryParse(request.ContractYear, NumberStyles.None, CultureInfo.InvariantCulture, out var target) || facts.ContractPeriod(target) is null)
        {
            refusals.Add(ParticipantActionRule.ContractYearInvalid, "contract_year", ParticipantActionMessages.ContractYearInvalid(request.ContractYear));
            return refusals.Decision();
        }

        var current = period.ContractYear;
        if (target == current)
        {
            refusals.Add(ParticipantActionRule.SameContractYear, "contract_year", ParticipantActionMessages.SameContractYear(current));
            return refusals.Decision();
        }

        var movingBack = !facts.PaymentsFrozen(current) && (participation.CohortChangedAfterPaymentsFrozen || facts.PaymentsFrozen(target));
        if (movingBack)
        {
            CheckMoveBack(participation, current, target, facts, refusals);
        }
        else
        {
            CheckMoveOut(participation, current, target, facts, refusals);
        }

        var identifier = request.ScheduleIdentifier
            ?? (movingBack ? participation.TrainingPeriods.LastOrDefault(t => t.ContractYear == target)?.ScheduleIdentifier : MovedOutSchedule)
            ?? ScheduleIdentifier.Default.ToString();
        if (period.ScheduleIdentifier is not null && facts.Schedule(target, identifier) is null)
        {
            refusals.Add(ParticipantActionRule.ScheduleInvalid, "schedule_identifier", ParticipantActionMessages.ScheduleInvalid);
        }

        if (refusals.Any)
        {
            return refusals.Decision();
        }

        facts.ProviderPartnerships.TryGetValue(target, out var partnership);
        var next = period with
        {
            ScheduleIdentifier = period.ScheduleIdentifier is null ? null : identifier,
            ContractYear = target,
            PartnershipId = partnership?.Id ?? period.PartnershipId,
            DeliveryPartnerId = partnership?.DeliveryPartnerId ?? period.DeliveryPartnerId,
            ReturnedToFrozenYear = movingBack,
        };
        PersonEventData moved = movingBack
            ? new MovedBackToFrozenCohort(trainingRecordId, current, target)
            : new MovedOutOfFrozenCohort(trainingRecordId, period.Cohort, current, period.Cohort, target);
        return ParticipantActionDecider.Replace(person!, participation, period, next, [moved], context);
    }

    /// <summary>A billable <c>completed</c> declaration, or (<paramref name="completed"/> false) a billable one of another type.</summary>
    private static bool HasBillable(Participation participation, bool completed) =>
        participation.Declarations.Any(d => DeclarationStates.IsBillable(d.State) && (d.DeclarationType == DeclarationType.Completed) == completed);

    private static void CheckMoveOut(Participation participation, int current, int target, ParticipantActionFacts facts, ParticipantActionDecider.Refusals refusals)
    {
        if (!facts.PaymentsFrozen(current))
        {
            refusals.Add(ParticipantActionRule.CurrentYearNotFrozen, "contract_year", ParticipantActionMessages.CurrentYearNotFrozen(current));
        }

        var active = CohortPlacement.ActiveRegistration(facts.ContractPeriods, facts.Today);
        if (active is null || active.Year != target)
        {
            refusals.Add(ParticipantActionRule.NotActiveRegistrationYear, "contract_year", ParticipantActionMessages.NotActiveRegistrationYear(active?.Year ?? target));
        }

        if (!HasBillable(participation, completed: false))
        {
            refusals.Add(ParticipantActionRule.NoBillableDeclaration, "declarations", ParticipantActionMessages.NoBillableDeclaration);
        }

        if (HasBillable(participation, completed: true))
        {
            refusals.Add(ParticipantActionRule.CompletedDeclarationBillable, "declarations", ParticipantActionMessages.CompletedDeclarationBillable);
        }

        if (InductionCompleted(participation))
        {
            refusals.Add(ParticipantActionRule.InductionCompleted, "induction", ParticipantActionMessages.InductionCompleted);
        }
    }

    private static void CheckMoveBack(Participation participation, int current, int target, ParticipantActionFacts facts, ParticipantActionDecider.Refusals refusals)
    {
        if (!participation.CohortChangedAfterPaymentsFrozen)
        {
            refusals.Add(ParticipantActionRule.NotMovedOutOfFrozenYear, "cohort_changed_after_payments_frozen", ParticipantActionMessages.NotMovedOutOfFrozenYear);
        }

        if (!facts.PaymentsFrozen(target))
        {
            refusals.Add(ParticipantActionRule.TargetYearNotFrozen, "contract_year", ParticipantActionMessages.TargetYearNotFrozen(target));
        }

        if (participation.Declarations.Any(d => d.ContractYear == current && (DeclarationStates.IsBillable(d.State) || DeclarationStates.IsChangeable(d.State))))
        {
            refusals.Add(ParticipantActionRule.DeclarationsInYearLeft, "declarations", ParticipantActionMessages.DeclarationsInYearLeft(current));
        }

        if (!participation.Declarations.Any(d => d.ContractYear == target && DeclarationStates.IsBillable(d.State)))
        {
            refusals.Add(ParticipantActionRule.NoBillableDeclarationInTargetYear, "declarations", ParticipantActionMessages.NoBillableDeclarationInTargetYear(target));
        }
    }
}
