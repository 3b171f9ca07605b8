using System.Globalization;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Text;

namespace Ecf.Domain.Declarations;

/// <summary>An admin's funding-eligibility decision as sent: status, reason, the date it applies from (yyyy-MM-dd) and a note.</summary>
public sealed record EligibilityRequest(string? Status, string? Reason, string? From, string? Note);

/// <summary>
/// Records a funding-eligibility decision on a participation (docs/domain.md#funding-eligibility): the periods reaching past its
/// from-date end there and a new open period (source <c>manual</c>) starts, with the note as the event's reason; then the
/// participation's declarations follow it (<see cref="DeclarationDecider.Reconcile"/>), in the same events.
/// The same status and reason as the open period change nothing.
/// </summary>
public static class EligibilityDecider
{
    public const string ManualSource = "manual";

    private static readonly string[] Statuses = [FundingEligibilityStatuses.Eligible, FundingEligibilityStatuses.Ineligible, FundingEligibilityStatuses.ManualCheck];

    public static DeclarationDecision Record(
        Person? person, string trainingRecordId, EligibilityRequest request, IReadOnlyList<StatementCalendarEntry> calendar,
        IReadOnlyDictionary<string, string> statementStates, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var participation = person?.FindParticipationById(trainingRecordId);
        if (participation is null)
        {
            return DeclarationDecision.Refuse(DeclarationRule.ParticipationNotFound, "trainingRecordId", "Nothing could be found for the provided details");
        }

        var refusals = new List<DeclarationRefusal>();
        if (request.Status is null || !Statuses.Contains(request.Status, StringComparer.Ordinal))
        {
            refusals.Add(new(DeclarationRule.EligibilityStatusInvalid, "status", $"Enter a status: {string.Join(", ", Statuses)}."));
        }

        var reason = TextRules.Check(request.Reason, TextKind.FreeText);
        if (reason.Problem is { } reasonProblem)
        {
            refusals.Add(new(DeclarationRule.EligibilityReasonMissing, "reason", TextMessages.For(reasonProblem, "reason", TextKind.FreeText)));
        }

        if (!DateOnly.TryParseExact(request.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || from > context.Today || from.Year < 2000)
        {
            refusals.Add(new(DeclarationRule.EligibilityFromInvalid, "from", "Enter the date the decision applies from as yyyy-mm-dd, on or before today."));
        }

        var note = request.Note is null ? null : TextRules.Check(request.Note, TextKind.FreeText);
        if (note?.Problem is { } noteProblem && noteProblem != TextProblem.Missing)
        {
            refusals.Add(new(DeclarationRule.EligibilityNoteInvalid, "note", TextMessages.For(noteProblem, "note", TextKind.FreeText)));
        }

        if (refusals.Count > 0)
        {
            return DeclarationDecision.Refuse([.. refusals]);
        }

        var open = participation.CurrentFundingEligibility;
        if (open is not null && open.Status == request.Status && open.Reason == reason.Value && open.From <= from)
        {
            return new DeclarationDecision([], person, null, []);
        }

        var period = new FundingEligibilityPeriod(
            PersonDecider.PeriodId(trainingRecordId, "eligibility", participation.FundingEligibility.Count + 1), request.Status!, reason.Value!, ManualSource, from, null);
        var decisionContext = context with { Reason = note?.Value ?? context.Reason };
        var recorded = PersonDecider.Append(person!, trainingRecordId, [new FundingEligibilityRecorded(trainingRecordId, period)], from, decisionContext);
        var after = recorded.Aggregate(person!, PersonDecider.Evolve);
        var moves = DeclarationDecider.Reconcile(after.FindParticipationById(trainingRecordId)!, calendar, statementStates, context.Today);
        var moved = PersonDecider.Append(after, trainingRecordId, moves, context.Today, decisionContext);
        return new DeclarationDecision([.. recorded, .. moved], moved.Aggregate(after, PersonDecider.Evolve), null, []);
    }
}
