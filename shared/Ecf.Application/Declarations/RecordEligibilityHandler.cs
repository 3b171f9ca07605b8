using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;

namespace Ecf.Application.Declarations;

public sealed record RecordEligibilityCommand(string PersonId, string TrainingRecordId, EligibilityRequest Request, Actor Actor, string CorrelationId);

/// <summary>What the participation's funding eligibility and declarations are after a decision.</summary>
public sealed record EligibilityResult(string PersonId, string TrainingRecordId, IReadOnlyList<FundingEligibilityPeriod> FundingEligibility, IReadOnlyList<DeclarationSummary> Declarations);

/// <summary>A declaration as an admin sees it after an eligibility decision: its state as the API shows it and its statement.</summary>
public sealed record DeclarationSummary(string Id, Guid LeadProviderId, string DeclarationType, DateTimeOffset DeclarationDate, string State, string? StatementId);

/// <summary>
/// <c>PUT /api/people/{personId}/participations/{trainingRecordId}/eligibility</c> (admin): records a funding-eligibility decision
/// and moves the participation's declarations with it, in one write (<see cref="EligibilityDecider"/>).
/// </summary>
public sealed class RecordEligibilityHandler(IReferenceData referenceData, DeclarationWrites writes, TimeProvider clock)
{
    public async Task<Result<EligibilityResult>> HandleAsync(RecordEligibilityCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Guid.TryParse(command.PersonId, out var personGuid))
        {
            return ApiError.NotFound();
        }

        var now = clock.GetUtcNow();
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var context = new PersonChangeContext(now, command.Actor, command.CorrelationId);
        var written = await writes.DecideAndWriteAsync(
            personGuid.ToString("D"),
            snapshot.StatementCalendar,
            (person, states) => EligibilityDecider.Record(person, command.TrainingRecordId, command.Request, snapshot.StatementCalendar, states, context),
            now,
            cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return Result<EligibilityResult>.Failure(written.Errors);
        }

        var (person, statementStates) = written.Value;
        var participation = person.FindParticipationById(command.TrainingRecordId)!;
        return new EligibilityResult(
            person.PersonId,
            participation.TrainingRecordId,
            participation.FundingEligibility,
            [.. participation.Declarations.Select(d => new DeclarationSummary(
                d.Id, d.LeadProviderId, d.DeclarationType, d.DeclarationDate, DeclarationStates.ApiName(DeclarationState.Effective(d, statementStates)), d.StatementId))]);
    }
}
