using System.Globalization;
using System.Text.RegularExpressions;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Declarations;

/// <summary>What a declaration command decided: the events to append and the person after them, or the refusals (nothing to write).</summary>
public sealed record DeclarationDecision(IReadOnlyList<PersonEvent> Events, Person? Person, Declaration? Declaration, IReadOnlyList<DeclarationRefusal> Refusals) : IPersonChange
{
    public bool Refused => Refusals.Count > 0;

    public bool Changed => Events.Count > 0;

    public static DeclarationDecision Refuse(params DeclarationRefusal[] refusals) => new([], null, null, refusals);

    public static DeclarationDecision Refuse(DeclarationRule rule, string attribute, string message) => Refuse(new DeclarationRefusal(rule, attribute, message));
}

/// <summary>
/// The pure rules of declarations (docs/domain.md#declaration-rules): recording one for a lead provider, voiding it, and moving
/// declarations when an admin records a funding-eligibility decision. Each returns the person's new timeline events (applied with
/// <see cref="PersonDecider.Evolve"/>), so the caller writes the person and its events in one atomic batch.
/// </summary>
public static partial class DeclarationDecider
{
    /// <summary>Why a declaration became eligible when it was recorded.</summary>
    public const string EligibleOnDeclarationDate = "Funding eligibility on the declaration date";

    /// <summary>
    /// Records <paramref name="request"/> for <see cref="DeclarationFacts.LeadProviderId"/> as declaration <paramref name="declarationId"/>:
    /// every ECF rule, one refusal per attribute; accepted, it is <c>submitted</c>, and <c>eligible</c> on its next output statement
    /// when the funding-eligibility period covering its date is eligible.
    /// </summary>
    public static DeclarationDecision Record(
        Person? person, DeclarationRequest request, DeclarationFacts facts, PersonChangeContext context, string declarationId, string? requestHash = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var refusals = new List<DeclarationRefusal>();
        void Refuse(DeclarationRule rule, string attribute, string message)
        {
            if (!refusals.Exists(r => r.Attribute == attribute))
            {
                refusals.Add(new(rule, attribute, message));
            }
        }

        // Fields, as ECF checks them all at once.
        var visible = person is not null && person.Participations.Any(p => p.TrainingPeriods.Any(facts.ProviderTrains));
        if (string.IsNullOrWhiteSpace(request.ParticipantId))
        {
            Refuse(DeclarationRule.ParticipantMissing, "participant_id", DeclarationMessages.ParticipantMissing);
        }
        else if (!visible)
        {
            Refuse(DeclarationRule.ParticipantNotRecognised, "participant_id", DeclarationMessages.ParticipantNotRecognised);
        }

        DateTimeOffset date = default;
        if (string.IsNullOrWhiteSpace(request.DeclarationDate))
        {
            Refuse(DeclarationRule.DeclarationDateMissing, "declaration_date", DeclarationMessages.DeclarationDateMissing);
        }
        else if (!TryParseRfc3339(request.DeclarationDate, out date))
        {
            Refuse(DeclarationRule.DeclarationDateInvalid, "declaration_date", DeclarationMessages.DeclarationDateInvalid);
        }
        else if (date > facts.Now)
        {
            Refuse(DeclarationRule.DeclarationDateInFuture, "declaration_date", DeclarationMessages.DeclarationDateInFuture);
        }

        if (string.IsNullOrWhiteSpace(request.DeclarationType))
        {
            Refuse(DeclarationRule.DeclarationTypeMissing, "declaration_type", DeclarationMessages.DeclarationTypeMissing);
        }

        Participation? participation = null;
        if (string.IsNullOrWhiteSpace(request.CourseIdentifier))
        {
            Refuse(DeclarationRule.CourseMissing, "course_identifier", DeclarationMessages.CourseMissing);
        }
        else if (visible)
        {
            participation = CourseIdentifiers.ParticipationType(request.CourseIdentifier) is { } type ? person!.FindParticipation(type) : null;
            if (participation is null || !participation.TrainingPeriods.Any(facts.ProviderTrains))
            {
                Refuse(DeclarationRule.CourseNotRecognised, "course_identifier", DeclarationMessages.CourseNotRecognised);
            }
        }

        if (refusals.Count > 0)
        {
            return DeclarationDecision.Refuse([.. refusals]);
        }

        // The training period declared under, its schedule and its contract year.
        var day = DateOnly.FromDateTime(date.UtcDateTime);
        var period = TrainingPeriodFor(participation!, facts.ProviderTrains, day);
        var declarationType = request.DeclarationType!;
        var contractPeriod = facts.ContractPeriod(period.ContractYear);
        var milestone = DeclarationType.IsEcf(declarationType) ? facts.Schedule(period.ContractYear, period.ScheduleIdentifier)?.FindMilestone(declarationType) : null;
        if (milestone is null)
        {
            Refuse(DeclarationRule.DeclarationTypeNotOnSchedule, "declaration_type", DeclarationMessages.DeclarationTypeNotOnSchedule);
        }
        else if (day < milestone.StartDate)
        {
            Refuse(DeclarationRule.BeforeMilestoneStart, "declaration_date", DeclarationMessages.BeforeMilestoneStart);
        }
        else if (milestone.MilestoneDate is { } cutOff && day > cutOff)
        {
            Refuse(DeclarationRule.AfterMilestoneEnd, "declaration_date", DeclarationMessages.AfterMilestoneEnd);
        }
        else if (period.ContractYear >= 2025 && !InSequence(participation!, declarationType, date))
        {
            Refuse(DeclarationRule.OutOfSequence, "declaration_date", DeclarationMessages.OutOfSequence);
        }

        // Training status is the provider's latest training period's: a resume lifts a withdrawal.
        var latest = participation!.TrainingPeriods.Last(facts.ProviderTrains);
        if (latest.TrainingStatus == TrainingStatuses.Withdrawn && latest.Withdrawal is { } withdrawal && withdrawal.Date <= date)
        {
            Refuse(DeclarationRule.AfterWithdrawal, "participant_id", DeclarationMessages.AfterWithdrawal(withdrawal.Date));
        }

        if (participation!.Type == ParticipationTypes.Mentor && contractPeriod?.MentorFunding == true
            && declarationType is not (DeclarationType.Started or DeclarationType.Completed))
        {
            Refuse(DeclarationRule.MentorOnlyStartedOrCompleted, "declaration_type", DeclarationMessages.MentorOnlyStartedOrCompleted);
        }

        var (evidence, evidenceRefusal) = EvidenceHeldRules.Check(request.EvidenceHeld, declarationType, participation.Type, contractPeriod?.DetailedEvidenceTypes ?? false);
        if (evidenceRefusal is not null)
        {
            Refuse(evidenceRefusal.Rule, evidenceRefusal.Attribute, evidenceRefusal.Message);
        }

        if (refusals.Count > 0)
        {
            return DeclarationDecision.Refuse([.. refusals]);
        }

        if (participation.Declarations.Any(d => d.DeclarationType == declarationType && DeclarationStates.HoldsSlot(d.State)))
        {
            return DeclarationDecision.Refuse(DeclarationRule.AlreadyDeclared, "base", DeclarationMessages.AlreadyDeclared);
        }

        var eligible = EligibilityOn(participation, day)?.Status == FundingEligibilityStatuses.Eligible;
        var statement = OutputStatements.Next(facts.StatementCalendar, period.ContractYear, facts.Today);
        var reopened = latest.ReturnedToFrozenYear && latest.ContractYear == period.ContractYear;
        if ((contractPeriod?.PaymentsFrozen(facts.Now) == true && !reopened) || (eligible && statement is null))
        {
            return DeclarationDecision.Refuse(DeclarationRule.FundingContractEnded, "cohort", DeclarationMessages.FundingContractEnded(period.ContractYear));
        }

        var declaration = new Declaration
        {
            Id = declarationId,
            TrainingPeriodId = period.Id,
            LeadProviderId = facts.LeadProviderId,
            CourseIdentifier = request.CourseIdentifier!,
            DeclarationType = declarationType,
            DeclarationDate = date,
            EvidenceHeld = evidence,
            Cohort = period.Cohort,
            ContractYear = period.ContractYear,
            DeliveryPartnerId = facts.DeliveryPartner(period),
            MentorPersonId = participation.MentorshipPeriods.LastOrDefault(m => m.From <= day && (m.To is null || day < m.To))?.MentorPersonId,
            PupilPremiumUplift = participation.PupilPremiumUplift,
            SparsityUplift = participation.SparsityUplift,
            State = DeclarationStates.Submitted,
            RequestHash = requestHash,
            History = [new DeclarationStateChange(null, DeclarationStates.Submitted, context.At, "Declared by the lead provider", context.Actor)],
            CreatedAt = context.At,
            UpdatedAt = context.At,
        };
        var data = new List<PersonEventData> { new DeclarationRecorded(participation.TrainingRecordId, declaration) };
        if (eligible)
        {
            data.Add(new DeclarationStateChanged(
                participation.TrainingRecordId, declarationId, DeclarationStates.Submitted, DeclarationStates.Eligible, EligibleOnDeclarationDate,
                OutputStatements.StatementId(facts.LeadProviderId, statement!)));
        }

        return Apply(person!, participation.TrainingRecordId, declarationId, data, context, date);
    }

    /// <summary>
    /// Voids declaration <paramref name="declarationId"/> for <paramref name="leadProviderId"/> (its own declarations only; any other is
    /// not found). Unpaid: <c>voided</c>, its line voided on the same statement. Paid (by <paramref name="statementStates"/>): awaiting
    /// clawback, with a refund line on the provider's next output statement.
    /// </summary>
    public static DeclarationDecision Void(
        Person? person, string declarationId, Guid leadProviderId, IReadOnlyList<StatementCalendarEntry> calendar, IReadOnlyDictionary<string, string> statementStates, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(statementStates);
        var participation = person?.Participations.FirstOrDefault(p => p.FindDeclaration(declarationId) is not null);
        var declaration = participation?.FindDeclaration(declarationId);
        if (declaration is null || declaration.LeadProviderId != leadProviderId)
        {
            return DeclarationDecision.Refuse(DeclarationRule.DeclarationNotFound, "id", "Nothing could be found for the provided details");
        }

        var state = DeclarationState.Effective(declaration, statementStates);
        PersonEventData change;
        switch (state)
        {
            case DeclarationStates.Voided:
                return DeclarationDecision.Refuse(DeclarationRule.AlreadyVoided, "base", DeclarationMessages.AlreadyVoided);
            case DeclarationStates.ClawedBack:
                return DeclarationDecision.Refuse(DeclarationRule.ClawedBack, "base", DeclarationMessages.ClawedBack);
            case DeclarationStates.AwaitingClawback:
                return DeclarationDecision.Refuse(DeclarationRule.AlreadyRefunded, "base", DeclarationMessages.AlreadyRefunded);
            case DeclarationStates.Paid:
                if (OutputStatements.Next(calendar, declaration.ContractYear, context.Today) is not { } next)
                {
                    return DeclarationDecision.Refuse(DeclarationRule.FundingContractEnded, "base", DeclarationMessages.FundingContractEnded(declaration.ContractYear));
                }

                change = new DeclarationStateChanged(
                    participation!.TrainingRecordId, declarationId, declaration.State, DeclarationStates.AwaitingClawback, "Voided by the lead provider after payment",
                    ClawbackStatementId: OutputStatements.StatementId(leadProviderId, next));
                break;
            default:
                change = new DeclarationStateChanged(participation!.TrainingRecordId, declarationId, declaration.State, DeclarationStates.Voided, "Voided by the lead provider");
                break;
        }

        return Apply(person!, participation.TrainingRecordId, declarationId, [change], context, context.At);
    }

    /// <summary>
    /// Moves the participation's declarations to match its funding eligibility now (after an eligibility decision): a <c>submitted</c>
    /// one whose date an eligible period covers becomes <c>eligible</c> on its next output statement (it stays submitted while its
    /// contract year has none); an <c>eligible</c> one whose date is no longer covered by an eligible period goes back to
    /// <c>submitted</c>, off its statement, unless that statement is no longer open. Returns the state changes to append.
    /// </summary>
    public static IReadOnlyList<PersonEventData> Reconcile(
        Participation participation, IReadOnlyList<StatementCalendarEntry> calendar, IReadOnlyDictionary<string, string> statementStates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(statementStates);
        var changes = new List<PersonEventData>();
        foreach (var declaration in participation.Declarations)
        {
            var eligible = EligibilityOn(participation, declaration.DeclarationDay)?.Status == FundingEligibilityStatuses.Eligible;
            if (declaration.State == DeclarationStates.Submitted && eligible
                && OutputStatements.Next(calendar, declaration.ContractYear, today) is { } next)
            {
                changes.Add(new DeclarationStateChanged(
                    participation.TrainingRecordId, declaration.Id, DeclarationStates.Submitted, DeclarationStates.Eligible, "Funding eligibility recorded for the declaration date",
                    OutputStatements.StatementId(declaration.LeadProviderId, next)));
            }
            else if (declaration.State == DeclarationStates.Eligible && !eligible
                && DeclarationState.Effective(declaration, statementStates) == DeclarationStates.Eligible)
            {
                changes.Add(new DeclarationStateChanged(
                    participation.TrainingRecordId, declaration.Id, DeclarationStates.Eligible, DeclarationStates.Submitted, "Funding eligibility withdrawn for the declaration date",
                    DetachStatement: true));
            }
        }

        return changes;
    }

    /// <summary>
    /// The funding-eligibility period covering <paramref name="day"/> (periods left empty by a later decision cover nothing). A day
    /// before every period is judged by the first one recorded, the registration's: a later decision covers only from its date.
    /// </summary>
    public static FundingEligibilityPeriod? EligibilityOn(Participation participation, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(participation);
        var periods = participation.FundingEligibility;
        var covering = periods.LastOrDefault(p => p.From <= day && (p.To is null || day < p.To));
        return covering ?? (periods.Count > 0 && periods.All(p => day < p.From || p.To <= p.From) ? periods[0] : null);
    }

    /// <summary>
    /// The provider's training period a declaration dated <paramref name="day"/> is made under: the one covering the day, else the
    /// latest that started by then, else the provider's first.
    /// </summary>
    public static TrainingPeriod TrainingPeriodFor(Participation participation, Func<TrainingPeriod, bool> providerTrains, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(participation);
        var periods = participation.TrainingPeriods.Where(providerTrains).ToList();
        return periods.LastOrDefault(t => t.From <= day && (t.To is null || day < t.To))
            ?? periods.LastOrDefault(t => t.From <= day)
            ?? periods[0];
    }

    /// <summary>ECF's RFC 3339 pattern (case-insensitive, as ECF's), then a real date and time; no offset means UTC, as Rails reads it.</summary>
    public static bool TryParseRfc3339(string? text, out DateTimeOffset value)
    {
        value = default;
        var match = text is null ? null : Rfc3339().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        var g = match.Groups;
        int Int(string name) => int.Parse(g[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var offset = TimeSpan.Zero;
        if (g["sign"].Success)
        {
            var minutes = g["om"].Success ? Int("om") : 0;
            if (minutes > 59 || new TimeSpan(Int("oh"), minutes, 0) > TimeSpan.FromHours(14))
            {
                return false;
            }

            offset = new TimeSpan(Int("oh"), minutes, 0) * (g["sign"].Value == "-" ? -1 : 1);
        }

        if (!DateOnly.TryParseExact(g["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || Int("h") > 23 || Int("m") > 59 || Int("s") > 59 || date.Year is < 2 or > 9998)
        {
            return false;
        }

        var ticks = g["f"].Success ? long.Parse(g["f"].Value.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        value = new DateTimeOffset(date.ToDateTime(new TimeOnly(Int("h"), Int("m"), Int("s"))).AddTicks(ticks), offset);
        return true;
    }

    /// <summary>From 2025: the date must not precede a held declaration of an earlier type nor follow one of a later type.</summary>
    private static bool InSequence(Participation participation, string declarationType, DateTimeOffset date)
    {
        var order = DeclarationType.EcfExtended;
        var index = IndexOf(order, declarationType);
        foreach (var other in participation.Declarations.Where(d => DeclarationStates.HoldsSlot(d.State)))
        {
            var otherIndex = IndexOf(order, other.DeclarationType);
            if ((otherIndex < index && date < other.DeclarationDate) || (otherIndex > index && date > other.DeclarationDate))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> order, string type)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static DeclarationDecision Apply(Person person, string trainingRecordId, string declarationId, IReadOnlyList<PersonEventData> data, PersonChangeContext context, DateTimeOffset occurredAt)
    {
        var events = PersonDecider.Append(person, trainingRecordId, data, DateOnly.FromDateTime(occurredAt.UtcDateTime), context);
        var after = events.Aggregate(person, PersonDecider.Evolve);
        return new DeclarationDecision(events, after, after.FindParticipationById(trainingRecordId)!.FindDeclaration(declarationId), []);
    }

    [GeneratedRegex(@"\A(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T(?<h>[0-9]{2}):(?<m>[0-9]{2}):(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,7})[0-9]*)?(?:Z|(?<sign>[+-])(?<oh>[0-9]{2})(?::?(?<om>[0-9]{2}))?)?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Rfc3339();
}
