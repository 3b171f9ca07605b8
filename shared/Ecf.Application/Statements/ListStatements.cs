using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;

namespace Ecf.Application.Statements;

/// <param name="Cohorts">Contract years; null for all, empty for none.</param>
/// <param name="Type">The <c>filter[type]</c> sent; null for all.</param>
public sealed record ListStatementsQuery(Guid LeadProviderId, IReadOnlyList<int>? Cohorts, string? Type, DateTimeOffset? UpdatedSince, int Page, int PerPage);

/// <summary>
/// <c>GET /api/v3/statements</c> and <c>/{id}</c>: the provider's statements (docs/domain.md#statements), created from the statement
/// calendar on first need. The list shows the output statements (those that pay declarations), by payment date, as ECF's
/// statements query; a <c>filter[type]</c> other than <c>ecf</c> matches nothing. By id, any of the provider's statements; another
/// provider's or an unknown id is not found. A provider has a few hundred statements at most, so they are read whole and paged here.
/// </summary>
public sealed class ListStatementsHandler(IReferenceData referenceData, StatementDocuments statements, TimeProvider clock)
{
    public async Task<IReadOnlyList<StatementResource>> HandleAsync(ListStatementsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureCalendarAsync(query.LeadProviderId, cancellationToken).ConfigureAwait(false);
        if (query.Cohorts is { Count: 0 } || (query.Type is { } type && type != StatementResource.EcfType))
        {
            return [];
        }

        var all = await statements.ListAsync(query.LeadProviderId, cancellationToken).ConfigureAwait(false);
        return
        [
            .. all
                .Where(s => s.OutputFee)
                .Where(s => query.Cohorts is null || query.Cohorts.Contains(s.ContractYear))
                .Where(s => query.UpdatedSince is null || s.UpdatedAt >= query.UpdatedSince)
                .OrderBy(s => s.PaymentDate)
                .ThenBy(s => s.ContractYear)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .Skip((int)Math.Min((long)(query.Page - 1) * query.PerPage, int.MaxValue))
                .Take(query.PerPage)
                .Select(StatementResource.From),
        ];
    }

    public async Task<Result<StatementResource>> GetAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var statementId))
        {
            return ApiError.NotFound();
        }

        await EnsureCalendarAsync(leadProviderId, cancellationToken).ConfigureAwait(false);
        var statement = await statements.ReadAsync(leadProviderId, statementId.ToString("D"), cancellationToken).ConfigureAwait(false);
        return statement is null ? ApiError.NotFound() : StatementResource.From(statement);
    }

    private async Task EnsureCalendarAsync(Guid leadProviderId, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        await statements.EnsureCalendarAsync(leadProviderId, snapshot.StatementCalendar, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
