using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.People;

/// <summary>
/// Reads and writes people: the person document and its timeline event documents go in one atomic batch in the person's
/// partition (create for a new person, replace with If-Match otherwise; events are create-only), and TRN reservations.
/// </summary>
public sealed class PersonDocuments(IDocumentStore store)
{
    private IDocumentContainer People => store.GetContainer(EcfContainers.People);

    private IDocumentContainer Identifiers => store.GetContainer(EcfContainers.Identifiers);

    public async Task<StoredPerson?> ReadAsync(string personId, CancellationToken cancellationToken = default)
    {
        var document = await People.ReadAsync(personId, personId, cancellationToken).ConfigureAwait(false);
        return document is null ? null : new StoredPerson(document.As<Person>(), document.ETag);
    }

    /// <summary>The person id holding <paramref name="trn"/>, or null.</summary>
    public async Task<string?> FindPersonIdByTrnAsync(string trn, CancellationToken cancellationToken = default)
    {
        var id = TrnReservation.DocumentId(trn);
        var reservation = await Identifiers.ReadAsync<TrnReservation>(id, id, cancellationToken).ConfigureAwait(false);
        return reservation?.PersonId;
    }

    /// <summary>
    /// Reserves <paramref name="trn"/> for <paramref name="candidatePersonId"/> unless it is taken; returns the person id that holds it
    /// (the candidate when this call won, the earlier holder otherwise).
    /// </summary>
    public async Task<string> ReserveTrnAsync(string trn, string candidatePersonId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var id = TrnReservation.DocumentId(trn);
        try
        {
            await Identifiers.CreateAsync(id, id, new TrnReservation { Id = id, PersonId = candidatePersonId, CreatedAt = at }, cancellationToken).ConfigureAwait(false);
            return candidatePersonId;
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
        {
            return await FindPersonIdByTrnAsync(trn, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"TRN reservation {id} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>
    /// Writes a decision atomically: the person and its new events. False when another writer got there first (the person was
    /// created or replaced meanwhile, or an event sequence is taken): read again and decide again.
    /// </summary>
    public async Task<StoredPerson?> TryWriteAsync(Person person, string? ifMatch, IReadOnlyList<PersonEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(events);
        var operations = new List<DocumentOperation>(events.Count + 1)
        {
            ifMatch is null
                ? DocumentOperation.Create(person.PersonId, person.Id, DocumentJson.Serialize(person))
                : DocumentOperation.Replace(person.PersonId, person.Id, DocumentJson.Serialize(person), ifMatch),
        };
        operations.AddRange(events.Select(e => DocumentOperation.Create(person.PersonId, e.Id, DocumentJson.Serialize(e))));
        try
        {
            var written = await People.ExecuteBatchAsync(person.PersonId, operations, cancellationToken).ConfigureAwait(false);
            return new StoredPerson(person, written[0]!.ETag);
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// One page of the people whose stored statuses are due for a refresh on <paramref name="today"/>
    /// (<see cref="Person.NextStatusChangeOn"/> on or before it), in that date's order; a cross-partition query served by the
    /// <c>nextStatusChangeOn</c> index. Pass the returned continuation for the next page (null: no more).
    /// </summary>
    public async Task<(IReadOnlyList<StoredPerson> People, string? Continuation)> FindDueForStatusRefreshAsync(
        DateOnly today, string? continuation, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.All(pageSize)
            .Where(EcfContainers.PeopleNextStatusChangeOn, FilterOperator.LessThanOrEqual, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .OrderByAscending(EcfContainers.PeopleNextStatusChangeOn)
            .WithContinuation(continuation);
        var page = await People.QueryCrossPartitionAsync(query, cancellationToken).ConfigureAwait(false);
        return ([.. page.Documents.Select(d => new StoredPerson(d.As<Person>(), d.ETag))], page.Continuation);
    }

    /// <summary>A person's timeline, in order (a single-partition query).</summary>
    public async Task<IReadOnlyList<PersonEvent>> ReadTimelineAsync(string personId, CancellationToken cancellationToken = default)
    {
        var events = new List<PersonEvent>();
        var query = DocumentQuery.All(1000).WhereEquals("kind", PersonEvent.DocumentKind).OrderByAscending("sequence");
        string? continuation = null;
        do
        {
            var page = await People.QueryAsync(personId, query.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Documents.Select(d => d.As<PersonEvent>()));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return events;
    }
}
