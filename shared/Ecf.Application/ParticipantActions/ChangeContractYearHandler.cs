using Ecf.Application.Declarations;
using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.ParticipantActions;

public sealed record ChangeContractYearCommand(string PersonId, string TrainingRecordId, ContractYearMoveRequest Request, Actor Actor, string CorrelationId, string? Reason);

/// <summary>The participation after a move: its contract-year flag and training periods.</summary>
public sealed record ContractYearMoveResult(string PersonId, string TrainingRecordId, bool CohortChangedAfterPaymentsFrozen, IReadOnlyList<TrainingPeriod> TrainingPeriods);

/// <summary>
/// <c>POST /api/people/{personId}/participations/{trainingRecordId}/change-contract-year</c> (admin): moves an ECT out of a
/// payments-frozen contract year into the active registration year, or back (<see cref="ContractYearMoves"/>), reporting every
/// condition that refused.
/// </summary>
public sealed class ChangeContractYearHandler(IReferenceData referenceData, DeclarationWrites writes, IDocumentStore store, TimeProvider clock)
{
    public async Task<Result<ContractYearMoveResult>> HandleAsync(ChangeContractYearCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Guid.TryParse(command.PersonId, out var personGuid))
        {
            return ApiError.NotFound();
        }

        var now = clock.GetUtcNow();
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var context = new PersonChangeContext(now, command.Actor, command.CorrelationId, command.Reason);

        async Task<ParticipantActionDecision> DecideAsync(Person? person, IReadOnlyDictionary<string, string> states, CancellationToken ct)
        {
            var participation = person?.FindParticipationById(command.TrainingRecordId);
            var provider = participation?.LatestTrainingPeriod?.LeadProviderId ?? Guid.Empty;
            var years = int.TryParse(command.Request.ContractYear, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? [year] : Array.Empty<int>();
            var facts = ParticipantActionHandler.Facts(snapshot, now, provider) with
            {
                ProviderPartnerships = await ParticipantActionHandler.ProviderPartnershipsAsync(store, participation, provider, years, ct).ConfigureAwait(false),
            };
            return ContractYearMoves.Move(person, command.TrainingRecordId, command.Request, facts, context);
        }

        var written = await writes.DecideAndWriteAsync(
            personGuid.ToString("D"), snapshot.StatementCalendar, DecideAsync, d => ApiError.ParticipantAction(d.Refusals), null, now, cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return Result<ContractYearMoveResult>.Failure(written.Errors);
        }

        var participation = written.Value.Person.FindParticipationById(command.TrainingRecordId)!;
        return new ContractYearMoveResult(written.Value.Person.PersonId, participation.TrainingRecordId, participation.CohortChangedAfterPaymentsFrozen, participation.TrainingPeriods);
    }
}
