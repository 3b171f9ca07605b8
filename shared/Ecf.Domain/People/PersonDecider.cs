using System.Globalization;
using Ecf.Domain.Declarations;
using Ecf.Domain.Registrations;

namespace Ecf.Domain.People;

/// <summary>
/// Pure rules of the person document: <see cref="Decide"/> turns a command into timeline events, <see cref="Evolve"/> applies an
/// event. Every decision is checked against <see cref="PersonInvariants"/> (at most one open period of each kind, one current
/// email) before it is returned, so no write can break them. No I/O and no clock: time comes in the context.
/// </summary>
public static class PersonDecider
{
    /// <summary>What registering <paramref name="participationType"/> at <paramref name="schoolId"/> means for <paramref name="person"/>.</summary>
    public static RegistrationKind Classify(Person? person, string participationType, string schoolId)
    {
        var participation = person?.FindParticipation(participationType);
        if (person is null)
        {
            return RegistrationKind.NewPerson;
        }

        if (participation is null)
        {
            return RegistrationKind.NewParticipation;
        }

        return participation.OpenAtSchoolPeriod is { } open && string.Equals(open.SchoolId, schoolId, StringComparison.Ordinal)
            ? RegistrationKind.Repeat
            : RegistrationKind.Transfer;
    }

    /// <summary>
    /// A registration of <paramref name="command"/>'s TRN (docs/domain.md#registration). For a known person <see cref="Differences"/>
    /// comes first: another date of birth is refused, and so is a repeat at the same school that asks for another induction
    /// start date or other training; a new name or email is applied with its event. An identical repeat is unchanged (no
    /// events); a repeat with only a new name or email is updated.
    /// </summary>
    public static PersonDecision Decide(Person? state, RegisterParticipant command, PersonChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (PersonInvariants.Violations(state) is { Count: > 0 } broken)
        {
            return PersonDecision.Rejected(RegistrationRule.StoredRecordBroken, "trn", "The stored record breaks its rules: " + string.Join("; ", broken), state);
        }

        if (state is not null && command.Trn is not null && state.Trn is not null && !string.Equals(state.Trn, command.Trn, StringComparison.Ordinal))
        {
            return PersonDecision.Rejected(RegistrationRule.TrnDiffers, "trn", $"Person {state.PersonId} has TRN {state.Trn}, not {command.Trn}.", state);
        }

        var differences = Differences(state, command);
        if (differences.DateOfBirth)
        {
            return PersonDecision.Rejected(RegistrationRule.DateOfBirthDiffers, "date_of_birth", RegistrationMessages.DateOfBirthDiffers, state);
        }

        if (differences.InductionStartDate is { } recorded)
        {
            return PersonDecision.Rejected(RegistrationRule.InductionStartDateDiffers, "induction_start_date", RegistrationMessages.InductionStartDateDiffers(recorded), state);
        }

        if (differences.Training.Count > 0)
        {
            return PersonDecision.Rejected(RegistrationRule.TrainingDiffers, differences.Training[0], RegistrationMessages.TrainingDiffers(differences.Training), state);
        }

        var kind = Classify(state, command.ParticipationType, command.SchoolId);
        var data = new List<(PersonEventData Data, DateOnly OccurredOn)>();
        var existing = state?.FindParticipation(command.ParticipationType);
        var trainingRecordId = existing?.TrainingRecordId ?? command.TrainingRecordId;

        if (state is null)
        {
            data.Add((new PersonCreated(command.Trn, command.FullName, command.DateOfBirth), context.Today));
        }
        else if (differences.FullName)
        {
            data.Add((new NameChanged(command.FullName), context.Today));
        }

        if (state is null || differences.Email)
        {
            data.Add((new EmailChanged(command.Email, EmailSources.SchoolRegistration), context.Today));
        }

        if (kind == RegistrationKind.Repeat)
        {
            return data.Count == 0
                ? new PersonDecision(RegistrationOutcome.Unchanged, [], state, trainingRecordId)
                : Apply(state, command.PersonId, trainingRecordId, data, context, RegistrationOutcome.Updated);
        }

        var schoolCount = 0;
        var trainingCount = 0;
        var mentorshipCount = 0;
        if (existing is null)
        {
            data.Add((new ParticipationStarted(trainingRecordId, command.ParticipationType, command.PupilPremiumUplift, command.SparsityUplift), context.Today));
        }
        else
        {
            schoolCount = existing.AtSchoolPeriods.Count;
            trainingCount = existing.TrainingPeriods.Count;
            mentorshipCount = existing.MentorshipPeriods.Count;
            if (existing.OpenAtSchoolPeriod is { } leaving)
            {
                var to = Max(leaving.From, command.StartsOn);
                if (existing.OpenMentorshipPeriod is { } mentorship)
                {
                    data.Add((new MentorshipFinished(trainingRecordId, mentorship.Id, Max(mentorship.From, to)), to));
                }

                if (existing.OpenTrainingPeriod is { } training)
                {
                    data.Add((new TrainingPeriodFinished(trainingRecordId, training.Id, Max(training.From, to)), to));
                }

                data.Add((new SchoolPeriodFinished(trainingRecordId, leaving.Id, to), to));
            }
        }

        var schoolPeriod = new AtSchoolPeriod(PeriodId(trainingRecordId, "school", schoolCount + 1), command.SchoolId, command.SchoolUrn, command.StartsOn, null);
        data.Add((new SchoolPeriodStarted(trainingRecordId, schoolPeriod), command.StartsOn));

        var placement = command.Placement;
        if (placement.MovedOutOfFrozenCohort && existing?.LatestTrainingPeriod is { } frozen)
        {
            data.Add((new MovedOutOfFrozenCohort(trainingRecordId, frozen.Cohort, frozen.ContractYear, placement.Cohort, placement.ContractYear), command.StartsOn));
        }

        var trainingPeriod = new TrainingPeriod
        {
            Id = PeriodId(trainingRecordId, "training", trainingCount + 1),
            AtSchoolPeriodId = schoolPeriod.Id,
            TrainingProgramme = placement.TrainingProgramme,
            LeadProviderId = placement.LeadProviderId,
            DeliveryPartnerId = placement.DeliveryPartnerId,
            PartnershipId = placement.PartnershipId,
            ScheduleIdentifier = placement.ScheduleIdentifier,
            Cohort = placement.Cohort,
            ContractYear = placement.ContractYear,
            From = command.StartsOn,
        };
        data.Add((new TrainingPeriodStarted(trainingRecordId, trainingPeriod), command.StartsOn));

        if (existing is null && command.ParticipationType == ParticipationTypes.Ect && command.InductionStartDate is { } inductionStart)
        {
            data.Add((new InductionPeriodStarted(trainingRecordId, new InductionPeriod(PeriodId(trainingRecordId, "induction", 1), inductionStart, null, null)), inductionStart));
        }

        if (command.ParticipationType == ParticipationTypes.Ect && command.Mentor is { } mentor)
        {
            var period = new MentorshipPeriod(PeriodId(trainingRecordId, "mentorship", mentorshipCount + 1), mentor.PersonId, mentor.TrainingRecordId, command.StartsOn, null);
            data.Add((new MentorshipStarted(trainingRecordId, period), command.StartsOn));
        }

        if (existing is null)
        {
            var eligibility = new FundingEligibilityPeriod(PeriodId(trainingRecordId, "eligibility", 1), FundingEligibilityStatuses.ManualCheck, "awaiting_dqt_check", "registration", context.Today, null);
            data.Add((new FundingEligibilityRecorded(trainingRecordId, eligibility), context.Today));
        }

        var outcome = kind switch
        {
            RegistrationKind.NewPerson => RegistrationOutcome.Created,
            RegistrationKind.NewParticipation => RegistrationOutcome.ParticipationAdded,
            _ => RegistrationOutcome.Transferred,
        };
        return Apply(state, command.PersonId, trainingRecordId, data, context, outcome);
    }

    /// <summary>
    /// How <paramref name="command"/> differs from what is known of <paramref name="state"/>: the name (exactly), the current email
    /// (ignoring case) and the date of birth when both are known; for a repeat at the same school also the induction start
    /// date (ECTs) and the training given (<see cref="RegisterParticipant.Requested"/>, the mentor). <see cref="RegistrationDifferences.None"/>
    /// for a new person.
    /// </summary>
    public static RegistrationDifferences Differences(Person? state, RegisterParticipant command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state is null)
        {
            return RegistrationDifferences.None;
        }

        var fullName = !string.Equals(state.FullName, command.FullName, StringComparison.Ordinal);
        var email = !string.Equals(state.CurrentEmail?.Address, command.Email, StringComparison.OrdinalIgnoreCase);
        var dateOfBirth = state.DateOfBirth is { } known && command.DateOfBirth is { } given && known != given;
        if (Classify(state, command.ParticipationType, command.SchoolId) != RegistrationKind.Repeat)
        {
            return new(fullName, email, dateOfBirth, null, []);
        }

        var participation = state.FindParticipation(command.ParticipationType)!;
        var recordedStart = participation.InductionPeriods.Count > 0 ? participation.InductionPeriods[^1].StartedOn : (DateOnly?)null;
        var inductionStart = command.InductionStartDate is { } start && recordedStart is { } recorded && start != recorded ? recordedStart : null;
        var training = new List<string>();
        if (command.Requested is { } requested && participation.OpenTrainingPeriod is { } open)
        {
            if (requested.TrainingProgramme != open.TrainingProgramme)
            {
                training.Add("training_programme");
            }

            if (requested.LeadProviderId is { } provider && provider != open.LeadProviderId)
            {
                training.Add("lead_provider_id");
            }

            // Through a partnership, the delivery partner is the partnership's (docs/domain.md#partnerships), not the school's to choose.
            if (requested.DeliveryPartnerId is { } partner && open.PartnershipId is null && partner != open.DeliveryPartnerId)
            {
                training.Add("delivery_partner_id");
            }
        }

        if (command.Mentor is { } mentor && participation.OpenMentorshipPeriod?.MentorPersonId != mentor.PersonId)
        {
            training.Add("mentor_id");
        }

        return new(fullName, email, dateOfBirth, inductionStart, training);
    }

    /// <summary>Applies one event. Statuses of the participation concerned are recomputed as of the event's recorded day.</summary>
    public static Person Evolve(Person? state, PersonEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var today = DateOnly.FromDateTime(@event.RecordedAt.UtcDateTime);
        var person = @event.Data switch
        {
            PersonCreated created => new Person
            {
                Id = @event.PersonId,
                PersonId = @event.PersonId,
                Trn = created.Trn,
                FullName = created.FullName,
                DateOfBirth = created.DateOfBirth,
                CreatedAt = @event.RecordedAt,
                UpdatedAt = @event.RecordedAt,
            },
            _ when state is null => throw new InvalidOperationException($"{@event.Type} cannot be the first event of a person."),
            NameChanged name => state with { FullName = name.FullName },
            EmailChanged email => state with
            {
                Emails =
                [
                    .. state.Emails.Select(e => e.Current ? e with { Current = false, To = @event.RecordedAt } : e),
                    new PersonEmail(email.Address, email.Source, @event.RecordedAt, null, Current: true),
                ],
            },
            ParticipationStarted started => state with
            {
                Participations =
                [
                    .. state.Participations,
                    new Participation
                    {
                        TrainingRecordId = started.TrainingRecordId,
                        Type = started.ParticipationType,
                        CreatedAt = @event.RecordedAt,
                        PupilPremiumUplift = started.PupilPremiumUplift,
                        SparsityUplift = started.SparsityUplift,
                        Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, today),
                    },
                ],
            },
            SchoolPeriodStarted e => Update(state, e.TrainingRecordId, p => p with { AtSchoolPeriods = [.. p.AtSchoolPeriods, e.Period] }),
            SchoolPeriodFinished e => Update(state, e.TrainingRecordId, p => p with
            {
                AtSchoolPeriods = [.. p.AtSchoolPeriods.Select(x => x.Id == e.PeriodId ? x with { To = e.To } : x)],
            }),
            TrainingPeriodStarted e => Update(state, e.TrainingRecordId, p => p with { TrainingPeriods = [.. p.TrainingPeriods, e.Period] }),
            TrainingPeriodFinished e => Update(state, e.TrainingRecordId, p => p with
            {
                TrainingPeriods = [.. p.TrainingPeriods.Select(x => x.Id == e.PeriodId ? x with { To = e.To } : x)],
            }),
            InductionPeriodStarted e => Update(state, e.TrainingRecordId, p => p with { InductionPeriods = [.. p.InductionPeriods, e.Period] }),
            MentorshipStarted e => Update(state, e.TrainingRecordId, p => p with { MentorshipPeriods = [.. p.MentorshipPeriods, e.Period] }),
            MentorshipFinished e => Update(state, e.TrainingRecordId, p => p with
            {
                MentorshipPeriods = [.. p.MentorshipPeriods.Select(x => x.Id == e.PeriodId ? x with { To = e.To } : x)],
            }),
            FundingEligibilityRecorded e => Update(state, e.TrainingRecordId, p => p with
            {
                // A decision from a date cuts every period reaching past it there (a period starting later is left empty), so they never overlap.
                FundingEligibility = [.. p.FundingEligibility.Select(x => x.To is null || x.To > e.Period.From ? x with { To = Max(x.From, e.Period.From) } : x), e.Period],
            }),
            StatusesRefreshed e => Update(state, e.TrainingRecordId, p => p with { Statuses = e.Statuses }),
            MovedOutOfFrozenCohort e => Update(state, e.TrainingRecordId, p => p with { CohortChangedAfterPaymentsFrozen = true }),
            MovedBackToFrozenCohort e => Update(state, e.TrainingRecordId, p => p with { CohortChangedAfterPaymentsFrozen = false }),
            TrainingStatusChanged e => Update(state, e.TrainingRecordId, p => p with
            {
                TrainingPeriods = [.. p.TrainingPeriods.Select(x => x.Id == e.PeriodId ? WithStatus(x, e, @event.RecordedAt) : x)],
            }),
            DeclarationRecorded e => Update(state, e.TrainingRecordId, p => p with { Declarations = [.. p.Declarations, e.Declaration] }),
            DeclarationStateChanged e => Update(state, e.TrainingRecordId, p => p with
            {
                Declarations = [.. p.Declarations.Select(d => d.Id == e.DeclarationId ? ApplyStateChange(d, e, @event) : d)],
            }),
            _ => throw new InvalidOperationException($"Unknown person event {@event.Type}."),
        };

        var evolved = person with
        {
            Participations = [.. person.Participations.Select(p => p.TrainingRecordId == @event.TrainingRecordId ? p with { Statuses = ParticipationStatusRules.Compute(p, today) } : p)],
            TimelineSequence = @event.Sequence,
            UpdatedAt = @event.RecordedAt,
        };
        return evolved with { NextStatusChangeOn = ParticipationStatusRules.NextChangeOn(evolved) };
    }

    /// <summary>Turns event data into numbered events applied in order; refused when the result would break <see cref="PersonInvariants"/>.</summary>
    private static PersonDecision Apply(
        Person? state, string newPersonId, string trainingRecordId, List<(PersonEventData Data, DateOnly OccurredOn)> data, PersonChangeContext context, RegistrationOutcome outcome)
    {
        var events = new List<PersonEvent>(data.Count);
        var personId = state?.PersonId ?? newPersonId;
        var sequence = state?.TimelineSequence ?? 0;
        var current = state;
        foreach (var (eventData, occurredOn) in data)
        {
            sequence++;
            var recordId = eventData is PersonCreated or EmailChanged or NameChanged ? null : trainingRecordId;
            var @event = NewEvent(personId, sequence, eventData, occurredOn, recordId, ChangesOf(current, eventData), context);
            events.Add(@event);
            current = Evolve(current, @event);
        }

        if (PersonInvariants.Violations(current) is { Count: > 0 } violations)
        {
            return PersonDecision.Rejected(RegistrationRule.StoredRecordBroken, "trn", string.Join("; ", violations), state);
        }

        return new PersonDecision(outcome, events, current, trainingRecordId);
    }

    /// <summary>
    /// Numbers <paramref name="data"/> as the person's next timeline events about participation <paramref name="trainingRecordId"/>,
    /// each described against the state the events before it leave.
    /// </summary>
    internal static IReadOnlyList<PersonEvent> Append(Person person, string trainingRecordId, IReadOnlyList<PersonEventData> data, DateOnly occurredOn, PersonChangeContext context)
    {
        var events = new List<PersonEvent>(data.Count);
        var current = person;
        foreach (var eventData in data)
        {
            var @event = NewEvent(person.PersonId, current.TimelineSequence + 1, eventData, occurredOn, trainingRecordId, ChangesOf(current, eventData), context);
            events.Add(@event);
            current = Evolve(current, @event);
        }

        return events;
    }

    /// <summary>Timeline event number <paramref name="sequence"/> of the person, recording <paramref name="data"/> as it happened on <paramref name="occurredOn"/>.</summary>
    internal static PersonEvent NewEvent(
        string personId, int sequence, PersonEventData data, DateOnly occurredOn, string? trainingRecordId, IReadOnlyList<FieldChange> changes, PersonChangeContext context) => new()
        {
            Id = PersonEvent.DocumentId(personId, sequence),
            PersonId = personId,
            Sequence = sequence,
            Type = data.Type,
            OccurredAt = new DateTimeOffset(occurredOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            RecordedAt = context.At,
            Actor = context.Actor,
            Reason = context.Reason,
            CorrelationId = context.CorrelationId,
            TrainingRecordId = trainingRecordId,
            Changes = changes,
            Data = data,
        };

    private static TrainingPeriod WithStatus(TrainingPeriod period, TrainingStatusChanged change, DateTimeOffset at) => period with
    {
        TrainingStatus = change.To,
        Withdrawal = change.To == TrainingStatuses.Withdrawn ? new StatusReason(change.Reason ?? "", at) : period.Withdrawal,
        Deferral = change.To == TrainingStatuses.Deferred ? new StatusReason(change.Reason ?? "", at) : period.Deferral,
    };

    private static Declaration ApplyStateChange(Declaration declaration, DeclarationStateChanged change, PersonEvent @event) => declaration with
    {
        State = change.To,
        IneligibilityReason = change.To == DeclarationStates.Ineligible ? declaration.IneligibilityReason : null,
        StatementId = change.DetachStatement ? null : change.StatementId ?? declaration.StatementId,
        ClawbackStatementId = change.ClawbackStatementId ?? declaration.ClawbackStatementId,
        History = [.. declaration.History, new DeclarationStateChange(change.From, change.To, @event.RecordedAt, change.Reason, @event.Actor)],
        UpdatedAt = @event.RecordedAt,
    };

    internal static string PeriodId(string trainingRecordId, string kind, int number) =>
        $"{trainingRecordId}:{kind}:{number.ToString(CultureInfo.InvariantCulture)}";

    private static Person Update(Person person, string trainingRecordId, Func<Participation, Participation> change)
    {
        if (person.FindParticipationById(trainingRecordId) is null)
        {
            throw new InvalidOperationException($"Person {person.PersonId} has no participation {trainingRecordId}.");
        }

        return person with { Participations = [.. person.Participations.Select(p => p.TrainingRecordId == trainingRecordId ? change(p) : p)] };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => Iso(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The field-level description of an event, for people reading the timeline.</summary>
    private static List<FieldChange> ChangesOf(Person? before, PersonEventData data)
    {
        switch (data)
        {
            case PersonCreated c:
                return [new("trn", null, c.Trn), new("fullName", null, c.FullName), new("dateOfBirth", null, Text(c.DateOfBirth))];
            case EmailChanged e:
                return [new("emails.current", before?.CurrentEmail?.Address, e.Address)];
            case NameChanged n:
                return [new("fullName", before?.FullName, n.FullName)];
            case ParticipationStarted p:
                return
                [
                    new($"participations[{p.TrainingRecordId}].type", null, p.ParticipationType),
                    .. p.PupilPremiumUplift ? [new FieldChange($"participations[{p.TrainingRecordId}].pupilPremiumUplift", null, "true")] : Array.Empty<FieldChange>(),
                    .. p.SparsityUplift ? [new FieldChange($"participations[{p.TrainingRecordId}].sparsityUplift", null, "true")] : Array.Empty<FieldChange>(),
                ];
            case SchoolPeriodStarted s:
                return [new($"participations[{s.TrainingRecordId}].atSchoolPeriods[{s.Period.Id}]", null, $"school {s.Period.SchoolId} (URN {Text(s.Period.SchoolUrn)}) from {Iso(s.Period.From)}")];
            case SchoolPeriodFinished s:
                return [new($"participations[{s.TrainingRecordId}].atSchoolPeriods[{s.PeriodId}].to", null, Iso(s.To))];
            case TrainingPeriodStarted t:
                var p1 = $"participations[{t.TrainingRecordId}].trainingPeriods[{t.Period.Id}]";
                return
                [
                    new(p1 + ".trainingProgramme", null, t.Period.TrainingProgramme),
                    new(p1 + ".leadProviderId", null, Text(t.Period.LeadProviderId)),
                    new(p1 + ".deliveryPartnerId", null, Text(t.Period.DeliveryPartnerId)),
                    new(p1 + ".partnershipId", null, t.Period.PartnershipId),
                    new(p1 + ".scheduleIdentifier", null, t.Period.ScheduleIdentifier),
                    new(p1 + ".cohort", null, Text(t.Period.Cohort)),
                    new(p1 + ".contractYear", null, Text(t.Period.ContractYear)),
                    new(p1 + ".from", null, Iso(t.Period.From)),
                    .. t.Period.TrainingStatus == TrainingStatuses.Active ? Array.Empty<FieldChange>() : [new FieldChange(p1 + ".trainingStatus", null, t.Period.TrainingStatus)],
                    .. t.Period.ReturnedToFrozenYear ? [new FieldChange(p1 + ".returnedToFrozenYear", null, "true")] : Array.Empty<FieldChange>(),
                ];
            case TrainingPeriodFinished t:
                return [new($"participations[{t.TrainingRecordId}].trainingPeriods[{t.PeriodId}].to", null, Iso(t.To))];
            case InductionPeriodStarted i:
                return [new($"participations[{i.TrainingRecordId}].inductionPeriods[{i.Period.Id}].startedOn", null, Iso(i.Period.StartedOn))];
            case MentorshipStarted m:
                return [new($"participations[{m.TrainingRecordId}].mentorshipPeriods[{m.Period.Id}].mentorPersonId", null, m.Period.MentorPersonId)];
            case MentorshipFinished m:
                return [new($"participations[{m.TrainingRecordId}].mentorshipPeriods[{m.PeriodId}].to", null, Iso(m.To))];
            case MovedOutOfFrozenCohort m:
                return
                [
                    new($"participations[{m.TrainingRecordId}].cohort", Text(m.FromCohort), Text(m.Cohort)),
                    new($"participations[{m.TrainingRecordId}].contractYear", Text(m.FromContractYear), Text(m.ContractYear)),
                    new($"participations[{m.TrainingRecordId}].cohortChangedAfterPaymentsFrozen", "false", "true"),
                ];
            case MovedBackToFrozenCohort m:
                return
                [
                    new($"participations[{m.TrainingRecordId}].contractYear", Text(m.FromContractYear), Text(m.ContractYear)),
                    new($"participations[{m.TrainingRecordId}].cohortChangedAfterPaymentsFrozen", "true", "false"),
                ];
            case TrainingStatusChanged t:
                return
                [
                    new($"participations[{t.TrainingRecordId}].trainingPeriods[{t.PeriodId}].trainingStatus", t.From, t.To),
                    .. t.Reason is null ? Array.Empty<FieldChange>() : [new FieldChange($"participations[{t.TrainingRecordId}].trainingPeriods[{t.PeriodId}].{(t.To == TrainingStatuses.Withdrawn ? "withdrawal" : "deferral")}.reason", null, t.Reason)],
                ];
            case DeclarationRecorded d:
                return [new($"participations[{d.TrainingRecordId}].declarations[{d.Declaration.Id}]", null, $"{d.Declaration.DeclarationType} on {d.Declaration.DeclarationDate.ToString("O", CultureInfo.InvariantCulture)} by lead provider {d.Declaration.LeadProviderId:D}")];
            case DeclarationStateChanged d:
                return [new($"participations[{d.TrainingRecordId}].declarations[{d.DeclarationId}].state", d.From, d.To)];
            case FundingEligibilityRecorded f:
                var previous = before?.FindParticipationById(f.TrainingRecordId)?.CurrentFundingEligibility?.Status;
                return [new($"participations[{f.TrainingRecordId}].fundingEligibility.status", previous, f.Period.Status)];
            default:
                return [];
        }
    }
}
