using Ecf.Application.Errors;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Storage;

namespace Ecf.Application.Declarations;

/// <summary>
/// The write loop of the commands that change a person's training and payments (declarations, eligibility decisions, participant
/// actions): read the person and the states of its statements, decide, create the statements the decision attaches declarations
/// to, write the person and its events in one batch (deciding again after a lost race), then the provider views.
/// </summary>
public sealed class DeclarationWrites(
    IDocumentStore store,
    PersonDocuments people,
    StatementDocuments statements,
    IEnumerable<IProviderViewWriter> viewWriters,
    AfterCommit afterCommit)
{
    private const int MaxAttempts = 16;

    /// <summary>The person declaration <paramref name="declarationId"/> belongs to (its <see cref="DeclarationIndexEntry"/>), or null.</summary>
    public async Task<string?> FindPersonIdAsync(string declarationId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(declarationId, out var id))
        {
            return null;
        }

        var documentId = DeclarationIndexEntry.DocumentId(id.ToString("D"));
        var entry = await store.GetContainer(EcfContainers.Identifiers).ReadAsync<DeclarationIndexEntry>(documentId, documentId, cancellationToken).ConfigureAwait(false);
        return entry?.PersonId;
    }

    /// <summary>
    /// Records which person declaration <paramref name="declarationId"/> belongs to, before the person is written (create-only, so
    /// a retry finds it there). An entry whose declaration was never written (a lost race) leads to a person without it: not found.
    /// </summary>
    public async Task IndexAsync(string declarationId, string personId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var id = DeclarationIndexEntry.DocumentId(declarationId);
        try
        {
            await store.GetContainer(EcfContainers.Identifiers).CreateAsync(id, id, new DeclarationIndexEntry(id, personId, at), cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
        {
            // Indexed by an earlier attempt.
        }
    }

    /// <summary>Decides against the person (with its statements' states) and writes; the person as written, or the refusal.</summary>
    public Task<Result<(Person Person, IReadOnlyDictionary<string, string> StatementStates)>> DecideAndWriteAsync(
        string personId,
        IReadOnlyList<StatementCalendarEntry> calendar,
        Func<Person?, IReadOnlyDictionary<string, string>, DeclarationDecision> decide,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return DecideAndWriteAsync(personId, calendar, (person, states, _) => Task.FromResult(decide(person, states)), null, at, cancellationToken);
    }

    /// <summary>
    /// As above, with a decision that reads more (<paramref name="decide"/> is asynchronous) and <paramref name="beforeWrite"/>, run
    /// after the statements are created and before each attempt to write the person.
    /// </summary>
    public Task<Result<(Person Person, IReadOnlyDictionary<string, string> StatementStates)>> DecideAndWriteAsync(
        string personId,
        IReadOnlyList<StatementCalendarEntry> calendar,
        Func<Person?, IReadOnlyDictionary<string, string>, CancellationToken, Task<DeclarationDecision>> decide,
        Func<DeclarationDecision, CancellationToken, Task>? beforeWrite,
        DateTimeOffset at,
        CancellationToken cancellationToken) =>
        DecideAndWriteAsync(personId, calendar, decide, d => ApiError.Declaration(d.Refusals), beforeWrite, at, cancellationToken);

    /// <summary>
    /// The loop for any decided change to a person (declarations, participant actions): <paramref name="errors"/> turns a refused
    /// decision into its API errors.
    /// </summary>
    public async Task<Result<(Person Person, IReadOnlyDictionary<string, string> StatementStates)>> DecideAndWriteAsync<TDecision>(
        string personId,
        IReadOnlyList<StatementCalendarEntry> calendar,
        Func<Person?, IReadOnlyDictionary<string, string>, CancellationToken, Task<TDecision>> decide,
        Func<TDecision, IReadOnlyList<ApiError>> errors,
        Func<TDecision, CancellationToken, Task>? beforeWrite,
        DateTimeOffset at,
        CancellationToken cancellationToken)
        where TDecision : IPersonChange
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(errors);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await people.ReadAsync(personId, cancellationToken).ConfigureAwait(false);
            var states = await statements.ReadStatesAsync(stored?.Person, cancellationToken).ConfigureAwait(false);
            var decision = await decide(stored?.Person, states, cancellationToken).ConfigureAwait(false);
            if (decision.Refused)
            {
                return Result<(Person, IReadOnlyDictionary<string, string>)>.Failure(errors(decision));
            }

            if (decision.Events.Count == 0)
            {
                return (stored!.Person, states);
            }

            foreach (var (leadProviderId, statementId) in Attached(decision.Events, decision.Person!))
            {
                await statements.EnsureAsync(leadProviderId, statementId, calendar, at, cancellationToken).ConfigureAwait(false);
            }

            if (beforeWrite is not null)
            {
                await beforeWrite(decision, cancellationToken).ConfigureAwait(false);
            }

            var written = await people.TryWriteAsync(decision.Person!, stored!.ETag, decision.Events, cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var writer in viewWriters)
            {
                await afterCommit.RunAsync("the provider views of a change to a person", ct => writer.WriteAsync(stored.Person, written.Person, ct), cancellationToken).ConfigureAwait(false);
            }

            return (written.Person, states);
        }

        return ApiError.DeclarationPersonKeptChanging();
    }

    /// <summary>The statements the events attach declarations to (billable or refund lines), with their providers.</summary>
    private static IEnumerable<(Guid LeadProviderId, string StatementId)> Attached(IReadOnlyList<PersonEvent> events, Person after)
    {
        foreach (var change in events.Select(e => e.Data).OfType<DeclarationStateChanged>())
        {
            var provider = after.FindParticipationById(change.TrainingRecordId)?.FindDeclaration(change.DeclarationId)?.LeadProviderId;
            if (provider is { } id)
            {
                foreach (var statementId in new[] { change.StatementId, change.ClawbackStatementId }.OfType<string>())
                {
                    yield return (id, statementId);
                }
            }
        }
    }
}

/// <summary>Where a declaration lives: <c>declaration:&lt;id&gt;</c> in the <c>identifiers</c> container names its person.</summary>
public sealed record DeclarationIndexEntry(string Id, string PersonId, DateTimeOffset CreatedAt)
{
    public static string DocumentId(string declarationId) => "declaration:" + declarationId;
}
