using System.Globalization;

namespace Ecf.Domain.ReferenceData;

/// <summary>One monthly ECF statement of a contract year in the statement calendar.</summary>
/// <param name="ContractYear">The contract period (cohort) the statement pays for.</param>
/// <param name="Year">Calendar year of the statement month.</param>
/// <param name="Month">Statement month, 1-12.</param>
/// <param name="DeadlineDate">Declarations dated up to this day belong here (normally the last day of the previous month).</param>
/// <param name="PaymentDate">When the statement is paid (normally the 25th).</param>
/// <param name="OutputFee">True when output payments (declarations) are paid on this statement; false for service-fee-only months.</param>
public sealed record StatementCalendarEntry(int ContractYear, int Year, int Month, DateOnly DeadlineDate, DateOnly PaymentDate, bool OutputFee)
{
    /// <summary>e.g. "January 2025", as ECF names statements.</summary>
    public string Name => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)} {Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses a statement name such as "January 2025" into its year and month.</summary>
    public static bool TryParseName(string name, out int year, out int month)
    {
        year = 0;
        month = 0;
        var parts = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            return false;
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        month = Array.FindIndex(names, n => n.Length > 0 && string.Equals(n, parts[0], StringComparison.Ordinal)) + 1;
        return month is >= 1 and <= 12;
    }
}
