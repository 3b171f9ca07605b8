using Ecf.Application.People;
using Ecf.Application.ReferenceData;
using Ecf.Domain.Archive;
using Ecf.Domain.People;

namespace Ecf.Application.Archive;

/// <summary>The phases of an archive run, in order: ECTs, then mentors, then (real runs) finishing what an earlier run left.</summary>
public static class ArchivePhases
{
    /// <summary>People whose ECT participation's latest training is in the year.</summary>
    public const string Ects = "ects";

    /// <summary>People whose mentor participation's latest training is in the year (those also found as ECTs are not seen twice).</summary>
    public const string Mentors = "mentors";

    /// <summary>The year's archive documents: timeline leftovers, archived-TRN markers and TRN reservations of a run that stopped part way.</summary>
    public const string Finish = "finish";
}

/// <param name="ContractYear">The payments-frozen contract year.</param>
/// <param name="Phase">One of <see cref="ArchivePhases"/>.</param>
/// <param name="Continuation">Where the previous batch of the phase stopped (null: its first batch).</param>
/// <param name="PageSize">People per batch (1 to <see cref="ArchiveFrozenContractYearHandler.MaxPageSize"/>).</param>
/// <param name="DryRun">Only list the candidates; change nothing.</param>
/// <param name="InstanceId">The run (orchestration instance id), recorded on each archive document.</param>
public sealed record ArchiveBatchCommand(int ContractYear, string Phase, string? Continuation, int PageSize, bool DryRun, string InstanceId);

/// <summary>A person that is (or, in a dry run, would be) archived.</summary>
public sealed record ArchiveCandidate(string PersonId, IReadOnlyList<string> TrainingRecordIds, string Reason);

/// <summary>A person of the year that stays, and why.</summary>
public sealed record ArchiveSkip(string PersonId, string Reason);

/// <summary>What one batch did.</summary>
/// <param name="Examined">People of the year looked at.</param>
/// <param name="Candidates">People archived (or, in a dry run, that would be).</param>
/// <param name="Skipped">People left as they are, with why.</param>
/// <param name="Finished">Archive documents whose leftovers were checked (the finish phase).</param>
/// <param name="Continuation">Where the next batch of the phase starts; null when this was its last page.</param>
public sealed record ArchiveBatchResult(int Examined, IReadOnlyList<ArchiveCandidate> Candidates, IReadOnlyList<ArchiveSkip> Skipped, int Finished, string? Continuation);

/// <summary>
/// One batch of the <c>FrozenContractYearArchive</c> run (docs/domain.md#archiving, ADR 0014). Reads a page of the year's people (an
/// indexed cross-partition query), lets <see cref="FrozenYearArchive"/> decide, and for each archivable person (unless a dry run):
/// writes the archive document (the whole person and timeline), hides the person from every provider view, removes the person
/// and its timeline from <c>people</c> (If-Match: a person that changed meanwhile is decided again), then records the archived TRN
/// and releases the TRN reservation. A removed person leaves the query, so a retried batch or a re-run does not archive anyone
/// twice; the finish phase completes the steps after the removal for a run that stopped between them.
/// </summary>
public sealed class ArchiveFrozenContractYearHandler(
    PersonDocuments people,
    ArchiveDocuments archive,
    ArchivedPersonViews views,
    IReferenceData referenceData,
    TimeProvider clock)
{
    public const int MaxPageSize = 500;
    private const int MaxAttempts = 5;

    /// <summary>Null when <paramref name="contractYear"/> can be archived now; otherwise why not.</summary>
    public async Task<string?> CheckAsync(int contractYear, CancellationToken cancellationToken = default)
    {
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return snapshot.GetContractPeriod(contractYear) switch
        {
            null => $"contract_year {contractYear} is not a known contract year.",
            { } period when !period.PaymentsFrozen(now) => period.PaymentsFrozenAt is { } at
                ? $"contract_year {contractYear} is not frozen yet: its payments freeze at {at:O}."
                : $"contract_year {contractYear} is not frozen: only a contract year whose payments are frozen can be archived.",
            _ => null,
        };
    }

    public async Task<ArchiveBatchResult> HandleAsync(ArchiveBatchCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command.PageSize, $"The page size must be between 1 and {MaxPageSize}.");
        }

        if (command.Phase == ArchivePhases.Finish)
        {
            return await FinishAsync(command, cancellationToken).ConfigureAwait(false);
        }

        var type = command.Phase switch
        {
            ArchivePhases.Ects => ParticipationTypes.Ect,
            ArchivePhases.Mentors => ParticipationTypes.Mentor,
            _ => throw new ArgumentException($"Unknown archive phase '{command.Phase}'.", nameof(command)),
        };
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var period = snapshot.GetContractPeriod(command.ContractYear);
        var (page, continuation) = await archive.FindByLatestContractYearAsync(type, command.ContractYear, command.Continuation, command.PageSize, cancellationToken).ConfigureAwait(false);
        var examined = 0;
        var candidates = new List<ArchiveCandidate>();
        var skipped = new List<ArchiveSkip>();
        foreach (var found in page)
        {
            if (type == ParticipationTypes.Mentor && found.Person.LatestEctContractYear == command.ContractYear)
            {
                continue; // Examined with the ECTs.
            }

            examined++;
            var now = clock.GetUtcNow();
            var decision = await DecideAsync(found.Person, command.ContractYear, period, now, cancellationToken).ConfigureAwait(false);
            if (!decision.Archivable)
            {
                skipped.Add(new ArchiveSkip(found.Person.PersonId, decision.Reason));
                continue;
            }

            if (command.DryRun)
            {
                candidates.Add(new ArchiveCandidate(found.Person.PersonId, decision.TrainingRecordIds, decision.Reason));
                continue;
            }

            var outcome = await ArchiveAsync(found, decision, command, period, cancellationToken).ConfigureAwait(false);
            if (outcome.Skip is { } skip)
            {
                skipped.Add(skip);
            }
            else if (outcome.Candidate is { } candidate)
            {
                candidates.Add(candidate);
            }
        }

        return new ArchiveBatchResult(examined, candidates, skipped, 0, continuation);
    }

    private async Task<ArchiveDecision> DecideAsync(Person person, int contractYear, Domain.ReferenceData.ContractPeriod? period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mentored = person.FindParticipation(ParticipationTypes.Mentor) is not null
            && await archive.MentoredAnEctAsync(person.PersonId, cancellationToken).ConfigureAwait(false);
        return FrozenYearArchive.Decide(person, new ArchiveFacts(contractYear, period, now, mentored));
    }

    private async Task<(ArchiveCandidate? Candidate, ArchiveSkip? Skip)> ArchiveAsync(
        StoredPerson stored, ArchiveDecision decision, ArchiveBatchCommand command, Domain.ReferenceData.ContractPeriod? period, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var person = stored.Person;
            var now = clock.GetUtcNow();
            var timeline = await people.ReadTimelineAsync(person.PersonId, cancellationToken).ConfigureAwait(false);
            var archived = new ArchivedPerson
            {
                Id = person.PersonId,
                PersonId = person.PersonId,
                Reason = FrozenYearArchive.Reason,
                ContractYear = command.ContractYear,
                TrainingRecordIds = decision.TrainingRecordIds,
                ArchivedAt = now,
                InstanceId = command.InstanceId,
                Person = person,
                Timeline = timeline,
            };
            await archive.WriteAsync(archived, cancellationToken).ConfigureAwait(false);
            await views.HideAsync(person, now, cancellationToken).ConfigureAwait(false);
            if (await archive.RemovePersonAsync(person.PersonId, stored.ETag, [.. timeline.Select(e => e.Id)], cancellationToken).ConfigureAwait(false))
            {
                await FinishRemovalAsync(person, archived, cancellationToken).ConfigureAwait(false);
                return (new ArchiveCandidate(person.PersonId, decision.TrainingRecordIds, FrozenYearArchive.Reason), null);
            }

            // The person changed after it was read: decide again on the fresh record.
            var fresh = await people.ReadAsync(person.PersonId, cancellationToken).ConfigureAwait(false);
            if (fresh is null)
            {
                await FinishRemovalAsync(person, archived, cancellationToken).ConfigureAwait(false);
                return (new ArchiveCandidate(person.PersonId, decision.TrainingRecordIds, FrozenYearArchive.Reason), null);
            }

            decision = await DecideAsync(fresh.Person, command.ContractYear, period, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (!decision.Archivable || attempt >= MaxAttempts)
            {
                await archive.DeleteAsync(person.PersonId, cancellationToken).ConfigureAwait(false);
                await views.RestoreAsync(fresh.Person, cancellationToken).ConfigureAwait(false);
                return (null, new ArchiveSkip(person.PersonId, decision.Archivable ? "the record kept changing" : decision.Reason));
            }

            stored = fresh;
        }
    }

    /// <summary>After the person is removed: the archived TRN is recorded, then its reservation released.</summary>
    private async Task FinishRemovalAsync(Person person, ArchivedPerson archived, CancellationToken cancellationToken)
    {
        if (person.Trn is { } trn)
        {
            await archive.MarkTrnArchivedAsync(trn, archived, cancellationToken).ConfigureAwait(false);
            await archive.ReleaseTrnAsync(trn, person.PersonId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ArchiveBatchResult> FinishAsync(ArchiveBatchCommand command, CancellationToken cancellationToken)
    {
        var (page, continuation) = await archive.FindArchivedAsync(command.ContractYear, command.Continuation, command.PageSize, cancellationToken).ConfigureAwait(false);
        var finished = 0;
        foreach (var archived in page)
        {
            if (await people.ReadAsync(archived.PersonId, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue; // Still a person: the people phases decide about it.
            }

            await archive.RemoveTimelineAsync(archived.PersonId, cancellationToken).ConfigureAwait(false);
            await FinishRemovalAsync(archived.Person, archived, cancellationToken).ConfigureAwait(false);
            finished++;
        }

        return new ArchiveBatchResult(0, [], [], finished, continuation);
    }
}
