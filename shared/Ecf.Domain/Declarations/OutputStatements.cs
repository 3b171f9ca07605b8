using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Declarations;

/// <summary>
/// Where a declaration's money goes: a lead provider's next output-fee statement for a contract year, the first in the statement
/// calendar whose deadline is today or later (docs/domain.md#statements). Statement ids are derived from the provider and the
/// calendar entry, so the statement document can be created on first need by anyone, any number of times, as one document.
/// </summary>
public static class OutputStatements
{
    /// <summary>The next output-fee statement of <paramref name="contractYear"/> on <paramref name="today"/>, or null when none is left.</summary>
    public static StatementCalendarEntry? Next(IEnumerable<StatementCalendarEntry> calendar, int contractYear, DateOnly today) =>
        calendar
            .Where(e => e.ContractYear == contractYear && e.OutputFee && e.DeadlineDate >= today)
            .OrderBy(e => e.DeadlineDate)
            .ThenBy(e => e.Year).ThenBy(e => e.Month)
            .FirstOrDefault();

    /// <summary>The statement id (a UUID string) of <paramref name="entry"/> for <paramref name="leadProviderId"/>.</summary>
    public static string StatementId(Guid leadProviderId, StatementCalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return NameBasedId.From(FormattableString.Invariant($"ecf-statement:{leadProviderId:D}:{entry.ContractYear}:{entry.Year}-{entry.Month:D2}"));
    }
}
