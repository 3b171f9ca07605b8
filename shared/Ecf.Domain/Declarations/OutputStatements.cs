using System.Security.Cryptography;
using System.Text;
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
        var key = FormattableString.Invariant($"ecf-statement:{leadProviderId:D}:{entry.ContractYear}:{entry.Year}-{entry.Month:D2}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a name-based UUID of our own hashing
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
