using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Application.Schools;

namespace Ecf.Functions.Features.Schools;

/// <summary>The ECF v3 <c>school</c> resource, snake_case, timestamps as ECF writes them (UTC, milliseconds, Z).</summary>
public static class EcfSchoolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static object Resource(EcfSchoolView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SchoolResource(view.Id, "school", new SchoolAttributes(
            view.Name, view.Urn, view.Cohort, view.InPartnership, view.InductionProgrammeChoice, Timestamp(view.CreatedAt), Timestamp(view.UpdatedAt)));
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public sealed record SchoolResource(string Id, string Type, SchoolAttributes Attributes);

    public sealed record SchoolAttributes(
        string Name,
        string Urn,
        string Cohort,
        bool InPartnership,
        string InductionProgrammeChoice,
        string CreatedAt,
        string UpdatedAt);

    public sealed record ListDocument([property: JsonPropertyName("data")] IReadOnlyList<object> Data);

    public sealed record SingleDocument([property: JsonPropertyName("data")] object Data);
}
