using System.Globalization;
using System.Text.Json.Serialization;
using Ecf.Domain.Declarations;

namespace Ecf.Application.Statements;

/// <summary>v3 <c>statement</c> resource (a lead provider's financial statement, as ECF's statement serialiser renders it).</summary>
public sealed record StatementResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] StatementAttributes Attributes)
{
    public const string ResourceType = "statement";

    /// <summary>The only statement type here (ECF also has <c>npq</c>).</summary>
    public const string EcfType = "ecf";

    public static StatementResource From(StatementDocument statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new(statement.Id, ResourceType, new StatementAttributes(
            CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(statement.Month),
            statement.Year.ToString(CultureInfo.InvariantCulture),
            EcfType,
            statement.ContractYear.ToString(CultureInfo.InvariantCulture),
            statement.DeadlineDate,
            statement.PaymentDate,
            statement.State == DeclarationState.StatementPaid,
            statement.CreatedAt,
            statement.UpdatedAt));
    }
}

/// <summary>v3 <c>StatementAttributes</c>: <c>cohort</c> is the contract year the statement pays for, <c>cut_off_date</c> its deadline.</summary>
public sealed record StatementAttributes(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("cohort")] string Cohort,
    [property: JsonPropertyName("cut_off_date")] DateOnly CutOffDate,
    [property: JsonPropertyName("payment_date")] DateOnly PaymentDate,
    [property: JsonPropertyName("paid")] bool Paid,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);
