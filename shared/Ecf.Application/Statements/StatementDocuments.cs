using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.ReferenceData;
using Ecf.Storage;

namespace Ecf.Application.Statements;

/// <summary>
/// Reads and creates statement documents. Creation is idempotent (create-only with a derived id; a conflict means it exists), so
/// whoever needs a statement first creates it: a declaration attached to it, or a provider listing its statements.
/// </summary>
public sealed class StatementDocuments(IDocumentStore store)
{
    /// <summary>Statements known to exist (they are never deleted), so a declaration attached to one costs no write to check it.</summary>
    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);

    private IDocumentContainer Finance => store.GetContainer(EcfContainers.Finance);

    /// <summary>Makes sure the statement of <paramref name="entry"/> exists for the provider; returns its id.</summary>
    public async Task<string> EnsureAsync(Guid leadProviderId, StatementCalendarEntry entry, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var document = New(leadProviderId, entry, at);
        if (known.ContainsKey(document.Id))
        {
            return document.Id;
        }

        try
        {
            await Finance.CreateAsync(document.LeadProviderId, document.Id, document, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
        {
            // Created before: statements are never recreated, so what is stored stays.
        }

        known.TryAdd(document.Id, 0);
        return document.Id;
    }

    /// <summary>Makes sure statement <paramref name="statementId"/> of the provider (one of <paramref name="calendar"/>'s) exists.</summary>
    public Task<string> EnsureAsync(Guid leadProviderId, string statementId, IReadOnlyList<StatementCalendarEntry> calendar, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        known.ContainsKey(statementId) ? Task.FromResult(statementId) : EnsureAsync(
            leadProviderId,
            calendar.FirstOrDefault(e => OutputStatements.StatementId(leadProviderId, e) == statementId)
                ?? throw new InvalidOperationException($"Statement {statementId} is not in the statement calendar."),
            at,
            cancellationToken);

    /// <summary>Makes sure every statement of the calendar exists for the provider (one bulk write the first time; a marker after).</summary>
    public async Task EnsureCalendarAsync(Guid leadProviderId, IReadOnlyList<StatementCalendarEntry> calendar, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var partition = leadProviderId.ToString("D");
        var entries = string.Join(',', calendar.Select(e => FormattableString.Invariant($"{e.ContractYear}:{e.Year}-{e.Month}:{e.OutputFee}")).Order(StringComparer.Ordinal));
        var markerId = "statement-calendar:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entries)))[..16];
        if (await Finance.ReadAsync(partition, markerId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var operations = calendar.Select(e => New(leadProviderId, e, at)).Select(d => DocumentOperation.Create(partition, d.Id, DocumentJson.Serialize(d))).ToList();
        var results = await Finance.BulkWriteAsync(operations, cancellationToken).ConfigureAwait(false);
        if (results.FirstOrDefault(r => r.Error is { } error && error != DocumentStoreError.Conflict) is { Error: { } failed })
        {
            throw new DocumentStoreException(failed, "A statement of the calendar could not be created.");
        }

        await Finance.UpsertAsync(partition, markerId, new CalendarMarker(markerId, partition, "statement-calendar-marker", at), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StatementDocument?> ReadAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default)
    {
        var document = await Finance.ReadAsync(leadProviderId.ToString("D"), id, cancellationToken).ConfigureAwait(false);
        var statement = document?.As<StatementDocument>();
        return statement?.Kind == StatementDocument.DocumentKind ? statement : null;
    }

    /// <summary>The state of each statement named (one multi-read per provider); a statement not found is left out (open).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadStatesAsync(IEnumerable<(Guid LeadProviderId, string Id)> statements, CancellationToken cancellationToken = default)
    {
        var keys = statements.Distinct().Select(s => new DocumentKey(s.LeadProviderId.ToString("D"), s.Id)).ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var documents = await Finance.ReadManyAsync(keys, cancellationToken).ConfigureAwait(false);
        return documents.Where(d => d is not null).Select(d => d!.As<StatementDocument>()).ToDictionary(s => s.Id, s => s.State, StringComparer.Ordinal);
    }

    /// <summary>The states of the statements a person's declarations are on.</summary>
    public Task<IReadOnlyDictionary<string, string>> ReadStatesAsync(Domain.People.Person? person, CancellationToken cancellationToken = default) =>
        ReadStatesAsync(
            person is null
                ? []
                : person.Participations.SelectMany(p => p.Declarations).SelectMany(d => new[] { (d.LeadProviderId, d.StatementId), (d.LeadProviderId, d.ClawbackStatementId) })
                    .Where(s => s.Item2 is not null).Select(s => (s.LeadProviderId, s.Item2!)),
            cancellationToken);

    /// <summary>Every statement of the provider (a few hundred at most), in calendar order.</summary>
    public async Task<IReadOnlyList<StatementDocument>> ListAsync(Guid leadProviderId, CancellationToken cancellationToken = default)
    {
        var statements = new List<StatementDocument>();
        var query = DocumentQuery.All(1000).WhereEquals("kind", StatementDocument.DocumentKind);
        string? continuation = null;
        do
        {
            var page = await Finance.QueryAsync(leadProviderId.ToString("D"), query.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            statements.AddRange(page.Documents.Select(d => d.As<StatementDocument>()));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return [.. statements.OrderBy(s => s.ContractYear).ThenBy(s => s.Year).ThenBy(s => s.Month)];
    }

    private static StatementDocument New(Guid leadProviderId, StatementCalendarEntry entry, DateTimeOffset at) => new()
    {
        Id = OutputStatements.StatementId(leadProviderId, entry),
        LeadProviderId = leadProviderId.ToString("D"),
        ContractYear = entry.ContractYear,
        Year = entry.Year,
        Month = entry.Month,
        Name = entry.Name,
        DeadlineDate = entry.DeadlineDate,
        PaymentDate = entry.PaymentDate,
        OutputFee = entry.OutputFee,
        CreatedAt = at,
        UpdatedAt = at,
    };

    private sealed record CalendarMarker(string Id, string LeadProviderId, string Kind, DateTimeOffset CreatedAt);
}
