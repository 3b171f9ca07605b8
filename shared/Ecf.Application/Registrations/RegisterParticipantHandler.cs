using Ecf.Application.Archive;
using Ecf.Application.Errors;
using Ecf.Application.Partnerships;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Domain.People;
using Ecf.Domain.Registrations;

namespace Ecf.Application.Registrations;

/// <summary>
/// <c>POST /api/registrations/ects</c> and <c>/mentors</c>. Reads what the request names and lets <see cref="RegistrationValidator"/>
/// check every field (one 422 error per field, nothing written); finds the person by TRN, lets <see cref="TrainingProviderChoice"/>
/// place the training (docs/domain.md#registration), reserves the TRN for a new person (create-only: concurrent registrations of
/// one TRN make one person), lets <see cref="PersonDecider"/> decide, and writes the person with its timeline events in one batch.
/// A lost race (409/412) re-reads and decides again, so the loser's registration becomes an idempotent repeat or a transfer of the
/// winner's person. Provider views are written right after. Before the person, the school gets its
/// <see cref="SchoolRegistrationMarker"/> (once), which keeps the GIAS import from retiring it.
/// </summary>
public sealed class RegisterParticipantHandler(
    IReferenceData referenceData,
    SchoolDocuments schools,
    PartnershipDocuments partnerships,
    PersonDocuments people,
    TimeProvider clock,
    IEnumerable<IProviderViewWriter> viewWriters,
    AfterCommit afterCommit,
    ArchiveDocuments archive)
{
    private const int MaxAttempts = 8;

    public async Task<Result<RegistrationResult>> HandleAsync(RegisterParticipantCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = command.Request;
        var now = clock.GetUtcNow();
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var school = RegistrationValidator.Urn(request.SchoolUrn) is { } urn
            ? (await schools.FindByUrnAsync(urn, cancellationToken).ConfigureAwait(false))?.School
            : null;
        var mentor = request.ParticipationType == ParticipationTypes.Ect && Guid.TryParse(request.MentorId, out var mentorId)
            ? (await people.ReadAsync(mentorId.ToString("D"), cancellationToken).ConfigureAwait(false))?.Person
            : null;
        var facts = new RegistrationFacts(now, school, snapshot.ContractPeriods, snapshot.LeadProviders, snapshot.DeliveryPartners, mentor);
        var validated = RegistrationValidator.Validate(request, facts);
        if (validated.Value is not { } registration)
        {
            return Result<RegistrationResult>.Failure(ApiError.Registration(validated.Refusals));
        }

        var isEct = registration.ParticipationType == ParticipationTypes.Ect;
        var context = new PersonChangeContext(now, command.Actor, command.CorrelationId, isEct ? "ECT registered by the school" : "Mentor registered by the school");
        return await DecideAndWriteAsync(registration, snapshot, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<RegistrationResult>> DecideAndWriteAsync(ValidRegistration registration, ReferenceDataSnapshot snapshot, PersonChangeContext context, CancellationToken cancellationToken)
    {
        var newPersonId = Guid.NewGuid().ToString("D");
        var newTrainingRecordId = Guid.NewGuid().ToString("D");
        var type = registration.ParticipationType;
        var schoolId = registration.School.SchoolId;
        var requested = new RequestedTraining(registration.TrainingProgramme, registration.LeadProvider?.Id, registration.DeliveryPartner?.Id);
        var schoolMarked = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var personId = await people.FindPersonIdByTrnAsync(registration.Trn, cancellationToken).ConfigureAwait(false);
            var stored = personId is null ? null : await people.ReadAsync(personId, cancellationToken).ConfigureAwait(false);
            if (personId is not null && stored is null && await archive.ReadAsync(personId, cancellationToken).ConfigureAwait(false) is { } archivedHolder)
            {
                // The TRN still names a person archived by a run that stopped before releasing it (docs/domain.md#archiving).
                await archive.MarkTrnArchivedAsync(registration.Trn, archivedHolder, cancellationToken).ConfigureAwait(false);
                await archive.ReleaseTrnAsync(registration.Trn, personId, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var kind = PersonDecider.Classify(stored?.Person, type, schoolId);
            var participation = stored?.Person.FindParticipation(type);

            TrainingPlacement placement;
            if (kind == RegistrationKind.Repeat)
            {
                placement = TrainingProviderChoice.Current(participation!);
            }
            else
            {
                var moving = kind == RegistrationKind.Transfer ? participation : null;
                var contractYear = TrainingProviderChoice.ContractYear(registration, moving, snapshot.ContractPeriods, context.At);
                var schoolPartnership = (await partnerships.ReadAsync(schoolId, contractYear, cancellationToken).ConfigureAwait(false))?.Value.Default;
                var choice = TrainingProviderChoice.Choose(registration, moving, schoolPartnership, snapshot.Relationships, snapshot.ContractPeriods, context.At);
                if (choice.Refusal is { } refused)
                {
                    return ApiError.Registration(refused);
                }

                placement = choice.Placement!;
            }

            if (personId is null)
            {
                personId = await people.ReserveTrnAsync(registration.Trn, newPersonId, context.At, cancellationToken).ConfigureAwait(false);
                if (personId != newPersonId)
                {
                    continue; // Another registration reserved this TRN first: decide again against its person.
                }
            }

            var uplifts = await schools.ReadUpliftsAsync(schoolId, placement.Cohort, cancellationToken).ConfigureAwait(false);
            var register = new RegisterParticipant(
                personId, newTrainingRecordId, registration.Trn, registration.FullName, registration.DateOfBirth, registration.Email, type,
                schoolId, registration.School.Urn, registration.StartsOn(context.Today), registration.InductionStartDate, placement, registration.Mentor,
                uplifts?.PupilPremium ?? false, uplifts?.Sparsity ?? false, requested);
            var decision = PersonDecider.Decide(stored?.Person, register, context);
            if (decision.Refusal is { } refusal)
            {
                return ApiError.Registration(refusal);
            }

            if (stored is null && decision.Person is { } created && await archive.FindArchivedTrnAsync(registration.Trn, cancellationToken).ConfigureAwait(false) is { } archived
                && archived.PersonId != created.PersonId)
            {
                // A TRN whose earlier person was archived: a new person that names the archived participant id (docs/domain.md#archiving).
                decision = decision with
                {
                    Person = created with { ParticipantIdChanges = [.. archived.ParticipantIdChanges, new ParticipantIdChange(archived.PersonId, created.PersonId, context.At)] },
                };
            }

            if (!decision.Changed)
            {
                return Map(decision.Person!, decision.TrainingRecordId!, type, decision.Outcome);
            }

            if (!schoolMarked)
            {
                // Before the person: the GIAS import must never retire a school that people are registered at (ADR 0005).
                await schools.MarkRegisteredAsync(schoolId, context.At, cancellationToken).ConfigureAwait(false);
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

            return Map(written.Person, decision.TrainingRecordId!, type, decision.Outcome);
        }

        return ApiError.PersonKeptChanging();
    }

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
}
