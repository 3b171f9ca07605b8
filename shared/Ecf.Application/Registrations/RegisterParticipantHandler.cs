using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Application.Partnerships;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Application.Validation;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;

namespace Ecf.Application.Registrations;

/// <summary>
/// <c>POST /api/registrations/ects</c> and <c>/mentors</c>. Validates every field (one 422 error per field, nothing written), finds
/// the person by TRN, works out the placement (cohort, contract year, schedule, partnership: docs/domain.md#registration), reserves the TRN for a new
/// person (create-only: concurrent registrations of one TRN make one person), lets <see cref="PersonDecider"/> decide, and writes the
/// person with its timeline events in one batch. A lost race (409/412) re-reads and decides again, so the loser's registration
/// becomes an idempotent repeat or a transfer of the winner's person. Provider views are written right after. Before the person,
/// the school gets its <see cref="SchoolRegistrationMarker"/> (once), which keeps the GIAS import from retiring it.
/// </summary>
public sealed class RegisterParticipantHandler(
    IReferenceData referenceData,
    SchoolDocuments schools,
    PartnershipDocuments partnerships,
    PersonDocuments people,
    TimeProvider clock,
    IEnumerable<IProviderViewWriter> viewWriters,
    AfterCommit afterCommit)
{
    private const int MaxAttempts = 8;

    public async Task<Result<RegistrationResult>> HandleAsync(RegisterParticipantCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var isEct = command.ParticipationType == ParticipationTypes.Ect;
        var errors = new List<ApiError>();

        var trn = command.Trn?.Trim();
        if (string.IsNullOrEmpty(trn))
        {
            errors.Add(ApiError.Validation("trn", RegistrationMessages.Required("trn")));
        }
        else if (!TrnReservation.IsWellFormed(trn))
        {
            errors.Add(ApiError.Validation("trn", RegistrationMessages.TrnFormat));
        }

        var fullName = command.FullName?.Trim();
        if (string.IsNullOrEmpty(fullName))
        {
            errors.Add(ApiError.Validation("full_name", RegistrationMessages.Required("full_name")));
        }

        var dateOfBirth = ParseDate(command.DateOfBirth, "date_of_birth", required: true, errors);
        if (dateOfBirth > today)
        {
            errors.Add(ApiError.Validation("date_of_birth", RegistrationMessages.DateOfBirthInFuture));
        }

        var email = command.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(ApiError.Validation("email", RegistrationMessages.Required("email")));
        }
        else if (!EmailAddresses.IsValid(email))
        {
            errors.Add(ApiError.Validation("email", RegistrationMessages.EmailFormat));
        }

        StoredSchool? school = null;
        if (string.IsNullOrWhiteSpace(command.SchoolUrn))
        {
            errors.Add(ApiError.Validation("school_urn", RegistrationMessages.Required("school_urn")));
        }
        else if (!int.TryParse(command.SchoolUrn.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var urn)
            || (school = await schools.FindByUrnAsync(urn, cancellationToken).ConfigureAwait(false)) is null)
        {
            errors.Add(ApiError.Validation("school_urn", RegistrationMessages.UnknownSchool));
        }
        else if (school.School.Status != SchoolStatus.Active || !school.School.Eligibility.EligibleForFunding || school.School.Eligibility.CipOnly)
        {
            errors.Add(ApiError.Validation("school_urn", RegistrationMessages.SchoolNotEligible));
        }

        var inductionStart = isEct ? ParseDate(command.InductionStartDate, "induction_start_date", required: true, errors) : null;

        var programme = command.TrainingProgramme?.Trim();
        if (string.IsNullOrEmpty(programme))
        {
            errors.Add(ApiError.Validation("training_programme", RegistrationMessages.Required("training_programme")));
        }
        else if (!TrainingProgrammes.IsKnown(programme))
        {
            errors.Add(ApiError.Validation("training_programme", RegistrationMessages.TrainingProgramme));
        }

        LeadProvider? leadProvider = null;
        if (!string.IsNullOrWhiteSpace(command.LeadProviderId))
        {
            if (programme == TrainingProgrammes.SchoolLed)
            {
                errors.Add(ApiError.Validation("lead_provider_id", RegistrationMessages.NotForSchoolLed));
            }
            else if (!Guid.TryParse(command.LeadProviderId, out var id) || (leadProvider = snapshot.GetLeadProvider(id)) is not { DeliversEcf: true })
            {
                errors.Add(ApiError.Validation("lead_provider_id", RegistrationMessages.UnknownLeadProvider));
                leadProvider = null;
            }
        }

        DeliveryPartner? deliveryPartner = null;
        if (!string.IsNullOrWhiteSpace(command.DeliveryPartnerId))
        {
            if (programme == TrainingProgrammes.SchoolLed)
            {
                errors.Add(ApiError.Validation("delivery_partner_id", RegistrationMessages.NotForSchoolLed));
            }
            else if (!Guid.TryParse(command.DeliveryPartnerId, out var id) || (deliveryPartner = snapshot.GetDeliveryPartner(id)) is null)
            {
                errors.Add(ApiError.Validation("delivery_partner_id", RegistrationMessages.UnknownDeliveryPartner));
            }
            else if (string.IsNullOrWhiteSpace(command.LeadProviderId))
            {
                errors.Add(ApiError.Validation("delivery_partner_id", RegistrationMessages.DeliveryPartnerNeedsLeadProvider));
            }
        }

        MentorReference? mentor = null;
        if (isEct && !string.IsNullOrWhiteSpace(command.MentorId))
        {
            mentor = await FindMentorAsync(command.MentorId.Trim(), school?.School.SchoolId, cancellationToken).ConfigureAwait(false);
            if (mentor is null)
            {
                errors.Add(ApiError.Validation("mentor_id", RegistrationMessages.UnknownMentor));
            }
        }

        var choice = isEct ? CohortPlacement.ForEct(inductionStart, snapshot.ContractPeriods, now) : CohortPlacement.ForMentor(snapshot.ContractPeriods, now);
        if (choice is null && errors.Count == 0)
        {
            errors.Add(ApiError.Validation(isEct ? "induction_start_date" : "school_urn", RegistrationMessages.NoCohort));
        }

        if (errors.Count > 0)
        {
            return Result<RegistrationResult>.Failure(errors);
        }

        var input = new Input(command.ParticipationType, trn!, fullName!, dateOfBirth, email!, school!.School, inductionStart, programme!, leadProvider, deliveryPartner, mentor, choice!);
        var context = new PersonChangeContext(now, command.Actor, command.CorrelationId, isEct ? "ECT registered by the school" : "Mentor registered by the school");
        return await DecideAndWriteAsync(input, snapshot, context, today, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<RegistrationResult>> DecideAndWriteAsync(Input input, ReferenceDataSnapshot snapshot, PersonChangeContext context, DateOnly today, CancellationToken cancellationToken)
    {
        var newPersonId = Guid.NewGuid().ToString("D");
        var newTrainingRecordId = Guid.NewGuid().ToString("D");
        var schoolMarked = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var personId = await people.FindPersonIdByTrnAsync(input.Trn, cancellationToken).ConfigureAwait(false);
            var stored = personId is null ? null : await people.ReadAsync(personId, cancellationToken).ConfigureAwait(false);
            var kind = PersonDecider.Classify(stored?.Person, input.Type, input.School.SchoolId);

            var placement = kind == RegistrationKind.Repeat
                ? Result<TrainingPlacement>.Success(stored!.Person.FindParticipation(input.Type)!.OpenTrainingPeriod is { } open ? Placement(open) : Unplaced)
                : await PlaceAsync(kind, stored?.Person, input, snapshot, today, cancellationToken).ConfigureAwait(false);
            if (!placement.IsSuccess)
            {
                return Result<RegistrationResult>.Failure(placement.Errors);
            }

            if (personId is null)
            {
                personId = await people.ReserveTrnAsync(input.Trn, newPersonId, context.At, cancellationToken).ConfigureAwait(false);
                if (personId != newPersonId)
                {
                    continue; // Another registration reserved this TRN first: decide again against its person.
                }
            }

            var startsOn = input.InductionStart is { } start && start > today ? start : today;
            var uplifts = await schools.ReadUpliftsAsync(input.School.SchoolId, placement.Value.Cohort, cancellationToken).ConfigureAwait(false);
            var register = new RegisterParticipant(
                personId, newTrainingRecordId, input.Trn, input.FullName, input.DateOfBirth, input.Email, input.Type,
                input.School.SchoolId, input.School.Urn, startsOn, input.InductionStart, placement.Value, input.Mentor,
                uplifts?.PupilPremium ?? false, uplifts?.Sparsity ?? false);
            var decision = PersonDecider.Decide(stored?.Person, register, context);
            if (decision.Outcome == RegistrationOutcome.Rejected)
            {
                return ApiError.Conflict(decision.Rejection!);
            }

            if (!decision.Changed)
            {
                return Map(decision.Person!, decision.TrainingRecordId!, input.Type, decision.Outcome);
            }

            if (!schoolMarked)
            {
                // Before the person: the GIAS import must never retire a school that people are registered at (ADR 0005).
                await schools.MarkRegisteredAsync(input.School.SchoolId, context.At, cancellationToken).ConfigureAwait(false);
                schoolMarked = true;
            }

            var written = await people.TryWriteAsync(decision.Person!, stored?.ETag, decision.Events, cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                continue; // The person changed (or was created) meanwhile: read again and decide again.
            }

            foreach (var writer in viewWriters)
            {
                await afterCommit.RunAsync("the provider views of a registration", ct => writer.WriteAsync(stored?.Person, written.Person, ct), cancellationToken).ConfigureAwait(false);
            }

            return Map(written.Person, decision.TrainingRecordId!, input.Type, decision.Outcome);
        }

        return ApiError.Conflict("This person's record kept changing while the registration was decided; try again.");
    }

    /// <summary>
    /// Cohort and contract year: a transfer keeps its training's years, except that an unfinished ECT in a payments-frozen year moves to
    /// 2024 on <c>ecf-extended-september</c> (<see cref="CohortPlacement.ForTransfer"/>); otherwise <see cref="CohortPlacement"/>. Provider: the one
    /// given (with the delivery partner given, or the school's partnership with that provider, or none yet), else the school's
    /// default partnership for the contract year, else (transfer) the current provider kept; school-led training has none.
    /// </summary>
    private async Task<Result<TrainingPlacement>> PlaceAsync(RegistrationKind kind, Person? person, Input input, ReferenceDataSnapshot snapshot, DateOnly today, CancellationToken cancellationToken)
    {
        var moving = kind == RegistrationKind.Transfer ? person!.FindParticipation(input.Type) : null;
        var latest = moving?.LatestTrainingPeriod;
        var transfer = moving is null ? null : CohortPlacement.ForTransfer(moving, snapshot.ContractPeriods, clock.GetUtcNow());
        var movedOut = transfer?.MovedFromFrozen == true;
        var cohort = transfer?.Cohort ?? input.Choice.Cohort;
        var contractYear = transfer?.ContractYear ?? input.Choice.ContractYear;
        if (input.Programme == TrainingProgrammes.SchoolLed)
        {
            return new TrainingPlacement(TrainingProgrammes.SchoolLed, cohort, contractYear, null, null, null, null, movedOut);
        }

        var startsOn = input.InductionStart is { } start && start > today ? start : today;
        var schedule = movedOut
            ? new ScheduleIdentifier(ScheduleType.Extended, ScheduleMonth.September).ToString()
            : latest is { TrainingProgramme: TrainingProgrammes.ProviderLed, ScheduleIdentifier: { } kept }
                ? kept
                : SchedulePlacement.For(startsOn, today, input.Choice.MovedFromFrozen).ToString();
        var defaultPartnership = (await partnerships.ReadAsync(input.School.SchoolId, contractYear, cancellationToken).ConfigureAwait(false))?.Value.Default;

        if (input.LeadProvider is { } provider)
        {
            if (!provider.IsActiveForEcf(contractYear))
            {
                return ApiError.Validation("lead_provider_id", RegistrationMessages.LeadProviderNotContracted(contractYear));
            }

            if (input.DeliveryPartner is { } partner)
            {
                if (!snapshot.GetRelationships(provider.Id, contractYear).Any(r => r.DeliveryPartnerId == partner.Id))
                {
                    return ApiError.Validation("delivery_partner_id", RegistrationMessages.NoRelationship(contractYear));
                }

                var through = defaultPartnership is { } d && d.LeadProviderId == provider.Id && d.DeliveryPartnerId == partner.Id ? d.Id : null;
                return new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear, schedule, provider.Id, partner.Id, through, movedOut);
            }

            if (defaultPartnership is { } withProvider && withProvider.LeadProviderId == provider.Id)
            {
                return new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear, schedule, provider.Id, withProvider.DeliveryPartnerId, withProvider.Id, movedOut);
            }

            var keptPartner = latest?.LeadProviderId == provider.Id ? latest.DeliveryPartnerId : null;
            return new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear, schedule, provider.Id, keptPartner, null, movedOut);
        }

        if (defaultPartnership is { } school)
        {
            return new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear, schedule, school.LeadProviderId, school.DeliveryPartnerId, school.Id, movedOut);
        }

        if (latest is { TrainingProgramme: TrainingProgrammes.ProviderLed, LeadProviderId: { } current })
        {
            return new TrainingPlacement(TrainingProgrammes.ProviderLed, cohort, contractYear, schedule, current, latest.DeliveryPartnerId, null, movedOut);
        }

        return ApiError.Validation("lead_provider_id", RegistrationMessages.NoDefaultPartnership(contractYear));
    }

    private async Task<MentorReference?> FindMentorAsync(string mentorId, string? schoolId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(mentorId, out _) || schoolId is null)
        {
            return null;
        }

        var stored = await people.ReadAsync(mentorId, cancellationToken).ConfigureAwait(false);
        var participation = stored?.Person.FindParticipation(ParticipationTypes.Mentor);
        return participation?.OpenAtSchoolPeriod is { } open && open.SchoolId == schoolId
            ? new MentorReference(stored!.Person.PersonId, participation.TrainingRecordId)
            : null;
    }

    private static readonly TrainingPlacement Unplaced = new(TrainingProgrammes.SchoolLed, 0, 0, null, null, null, null);

    private static TrainingPlacement Placement(TrainingPeriod period) =>
        new(period.TrainingProgramme, period.Cohort, period.ContractYear, period.ScheduleIdentifier, period.LeadProviderId, period.DeliveryPartnerId, period.PartnershipId);

    private static RegistrationResult Map(Person person, string trainingRecordId, string type, RegistrationOutcome outcome)
    {
        var participation = person.FindParticipationById(trainingRecordId)!;
        var school = participation.LatestAtSchoolPeriod!;
        return new RegistrationResult(
            person.PersonId,
            trainingRecordId,
            type,
            outcome,
            school.SchoolId,
            school.SchoolUrn,
            participation.LatestTrainingPeriod!,
            participation.OpenMentorshipPeriod?.MentorPersonId);
    }

    private static DateOnly? ParseDate(string? text, string field, bool required, List<ApiError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(ApiError.Validation(field, RegistrationMessages.Required(field)));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(ApiError.Validation(field, RegistrationMessages.DateFormat));
        return null;
    }

    private sealed record Input(
        string Type,
        string Trn,
        string FullName,
        DateOnly? DateOfBirth,
        string Email,
        School School,
        DateOnly? InductionStart,
        string Programme,
        LeadProvider? LeadProvider,
        DeliveryPartner? DeliveryPartner,
        MentorReference? Mentor,
        CohortChoice Choice);
}
