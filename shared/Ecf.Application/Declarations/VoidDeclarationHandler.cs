using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;

namespace Ecf.Application.Declarations;

public sealed record VoidDeclarationCommand(Guid LeadProviderId, string DeclarationId, string CorrelationId);

/// <summary>
/// <c>PUT /api/v3/participant-declarations/{id}/void</c>: a provider voids one of its own declarations (any other id is not found).
/// Unpaid, it is voided on the statement it is on; paid, it awaits clawback on the provider's next output statement.
/// </summary>
public sealed class VoidDeclarationHandler(IReferenceData referenceData, DeclarationWrites writes, TimeProvider clock)
{
    public async Task<Result<DeclarationResource>> HandleAsync(VoidDeclarationCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        if (await writes.FindPersonIdAsync(command.DeclarationId, cancellationToken).ConfigureAwait(false) is not { } personId)
        {
            return ApiError.NotFound();
        }

        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var declarationId = Guid.Parse(command.DeclarationId).ToString("D");
        var context = new PersonChangeContext(now, new Actor(ActorTypes.LeadProviderApi, command.LeadProviderId.ToString("D")), command.CorrelationId);
        var written = await writes.DecideAndWriteAsync(
            personId,
            snapshot.StatementCalendar,
            (person, states) => DeclarationDecider.Void(person, declarationId, command.LeadProviderId, snapshot.StatementCalendar, states, context),
            now,
            cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return Result<DeclarationResource>.Failure(written.Errors);
        }

        var (person, statementStates) = written.Value;
        var declaration = person.Participations.Select(p => p.FindDeclaration(declarationId)).First(d => d is not null)!;
        var provider = snapshot.GetLeadProvider(declaration.LeadProviderId);
        return DeclarationResource.From(person.PersonId, declaration, provider?.Name ?? "", statementStates, declaration.UpdatedAt);
    }
}
