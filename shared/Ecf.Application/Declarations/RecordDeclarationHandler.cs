using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;

namespace Ecf.Application.Declarations;

/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, when sent.</param>
public sealed record RecordDeclarationCommand(Guid LeadProviderId, DeclarationRequest Request, string? IdempotencyKey, string CorrelationId);

/// <summary>
/// <c>POST /api/v3/participant-declarations</c>. Reads the person, lets <see cref="DeclarationDecider"/> apply ECF's rules, creates
/// the statement the declaration is attached to (if any) before writing, then writes the person with the declaration's timeline
/// events in one atomic batch. A lost race re-reads and decides again, so of any number of identical requests one declaration is
/// made and the others get ECF's duplicate refusal. With an <c>Idempotency-Key</c> the declaration's id is derived from the key,
/// so a retry finds what the first request made (even when the first response was never stored) and gets the first response.
/// </summary>
public sealed class RecordDeclarationHandler(
    IReferenceData referenceData,
    IdempotencyRecords idempotency,
    DeclarationWrites writes,
    IPartnershipFacts partnershipFacts,
    TimeProvider clock)
{
    public async Task<Result<DeclarationResource>> HandleAsync(RecordDeclarationCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var request = command.Request;
        string? requestHash = null;
        if (command.IdempotencyKey is { } key)
        {
            if (!IdempotencyRecords.IsValidKey(key))
            {
                return ApiError.IdempotencyKeyInvalid();
            }

            requestHash = IdempotencyRecords.Hash(string.Join('\u001f', request.ParticipantId, request.DeclarationType, request.DeclarationDate, request.CourseIdentifier, request.EvidenceHeld));
            if (await idempotency.ReadAsync(command.LeadProviderId, key, now, cancellationToken).ConfigureAwait(false) is { } first)
            {
                return Replay(first, requestHash);
            }
        }

        var result = await DecideAndWriteAsync(command, requestHash, now, cancellationToken).ConfigureAwait(false);
        if (command.IdempotencyKey is null || result.Errors.Any(e => e.Kind == ApiErrorKind.Conflict))
        {
            return result;
        }

        var stored = await idempotency.StoreFirstAsync(
            new IdempotencyRecord
            {
                Id = IdempotencyRecords.DocumentId(command.LeadProviderId, command.IdempotencyKey),
                LeadProviderId = command.LeadProviderId.ToString("D"),
                RequestHash = requestHash!,
                Resource = result.IsSuccess ? result.Value : null,
                Errors = result.IsSuccess ? null : result.Errors,
                CreatedAt = now,
                ExpiresAt = now + IdempotencyRecords.Lifetime,
            },
            cancellationToken).ConfigureAwait(false);
        return Replay(stored, requestHash!);
    }

    private async Task<Result<DeclarationResource>> DecideAndWriteAsync(RecordDeclarationCommand command, string? requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var provider = snapshot.GetLeadProvider(command.LeadProviderId);
        var context = new PersonChangeContext(now, new Actor(ActorTypes.LeadProviderApi, command.LeadProviderId.ToString("D")), command.CorrelationId);
        var declarationId = command.IdempotencyKey is { } key
            ? DerivedId(command.LeadProviderId, key)
            : Guid.NewGuid().ToString("D");
        var facts = new DeclarationFacts(now, command.LeadProviderId, snapshot.ContractPeriods, snapshot.Schedules, snapshot.StatementCalendar, NoPartners, NoChallenges);
        if (!Guid.TryParse(command.Request.ParticipantId, out var id))
        {
            return Result<DeclarationResource>.Failure(ApiError.Declaration(DeclarationDecider.Record(null, command.Request, facts, context, declarationId).Refusals));
        }

        async Task<DeclarationDecision> DecideAsync(Person? person, IReadOnlyDictionary<string, string> states, CancellationToken ct)
        {
            if (command.IdempotencyKey is not null && FindDeclaration(person, declarationId) is { } made)
            {
                // The first request with this key made it; its response was not kept (or expired): answer with the declaration.
                return made.RequestHash != requestHash || made.LeadProviderId != command.LeadProviderId
                    ? DeclarationDecision.Refuse(DeclarationRule.IdempotencyKeyReused, "Idempotency-Key", "This Idempotency-Key was used with a different request.")
                    : new DeclarationDecision([], person, made, []);
            }

            IReadOnlyCollection<string> partnershipIds = person is null ? [] : ParticipantProjection.PartnershipIds(person);
            var partnerships = await partnershipFacts.GetAsync(partnershipIds, ct).ConfigureAwait(false);
            var current = facts with
            {
                PartnershipDeliveryPartners = partnerships.Values.ToDictionary(p => p.PartnershipId, p => (Guid?)p.DeliveryPartnerId, StringComparer.Ordinal),
                ChallengedPartnerships = partnerships.Values.Where(p => p.Challenged).Select(p => p.PartnershipId).ToHashSet(StringComparer.Ordinal),
            };
            return DeclarationDecider.Record(person, command.Request, current, context, declarationId, requestHash);
        }

        var written = await writes.DecideAndWriteAsync(
            id.ToString("D"),
            snapshot.StatementCalendar,
            DecideAsync,
            (decision, ct) => writes.IndexAsync(declarationId, decision.Person!.PersonId, now, ct),
            now,
            cancellationToken).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return Result<DeclarationResource>.Failure(written.Errors);
        }

        var (person, statementStates) = written.Value;
        var declaration = FindDeclaration(person, declarationId)!;
        return DeclarationResource.From(person.PersonId, declaration, provider?.Name ?? "", statementStates, declaration.UpdatedAt);
    }

    /// <summary>The declaration id a provider's key stands for: a name-based UUID, so every retry names the same declaration.</summary>
    public static string DerivedId(Guid leadProviderId, string key) => NameBasedId.From($"declaration:{leadProviderId:D}:{key}");

    private static Result<DeclarationResource> Replay(IdempotencyRecord record, string requestHash) =>
        record.RequestHash != requestHash
            ? ApiError.IdempotencyKeyReused()
            : record.Resource is { } resource
                ? resource
                : Result<DeclarationResource>.Failure(record.Errors ?? []);

    private static Declaration? FindDeclaration(Person? person, string declarationId) =>
        person?.Participations.Select(p => p.FindDeclaration(declarationId)).FirstOrDefault(d => d is not null);

    private static readonly IReadOnlyDictionary<string, Guid?> NoPartners = new Dictionary<string, Guid?>();

    private static readonly IReadOnlySet<string> NoChallenges = new HashSet<string>();
}
