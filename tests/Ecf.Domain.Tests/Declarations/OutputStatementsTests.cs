using Ecf.Domain.Declarations;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;

namespace Ecf.Domain.Tests.Declarations;

/// <summary>Which statement a declaration's money goes on, and the statement ids derived from the provider and the calendar entry.</summary>
public sealed class OutputStatementsTests
{
    [Theory]
    [InlineData(2025, "2025-09-01", 2026, 1)]
    [InlineData(2025, "2025-11-10", 2026, 1)]
    [InlineData(2025, "2025-12-31", 2026, 1)]
    [InlineData(2025, "2026-01-01", 2026, 4)]
    [InlineData(2025, "2026-03-31", 2026, 4)]
    [InlineData(2024, "2025-09-30", 2025, 10)]
    [InlineData(2024, "2025-10-01", 2026, 1)]
    public void Next_EarliestOutputFeeStatementOfTheYearWithItsDeadlineTodayOrLater(int contractYear, string today, int year, int month)
    {
        var next = OutputStatements.Next(Calendar.Reverse(), contractYear, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((contractYear, year, month, true), (next!.ContractYear, next.Year, next.Month, next.OutputFee));
    }

    [Theory]
    [InlineData(2025, "2026-04-01")]
    [InlineData(2023, "2025-09-01")]
    public void Next_NoneLeft_Null(int contractYear, string today)
    {
        Assert.Null(OutputStatements.Next(Calendar, contractYear, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void StatementId_SameProviderAndEntry_SameIdEveryTime()
    {
        var copy = January2026 with { };

        Assert.Equal(OutputStatements.StatementId(Provider, January2026), OutputStatements.StatementId(Provider, copy));
        Assert.Equal(January2026Id, OutputStatements.StatementId(Provider, January2026));
    }

    [Fact]
    public void StatementId_AnotherProviderEntryOrContractYear_AnotherId()
    {
        var ids = new[]
        {
            OutputStatements.StatementId(Provider, January2026),
            OutputStatements.StatementId(OtherProvider, January2026),
            OutputStatements.StatementId(Provider, April2026),
            OutputStatements.StatementId(Provider, January2026 with { ContractYear = 2024 }),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void StatementId_IsAVersion8RfcVariantUuidInItsCanonicalForm()
    {
        var id = OutputStatements.StatementId(Provider, January2026);

        Assert.True(Guid.TryParseExact(id, "D", out var guid));
        Assert.Equal(guid.ToString("D"), id);
        Assert.Equal('8', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
