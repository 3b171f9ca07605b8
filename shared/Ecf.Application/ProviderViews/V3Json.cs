using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// How the lead provider API v3 renders JSON: names fixed on each type (snake_case), nulls written, times as RFC 3339 in UTC
/// to the second (<c>2021-05-31T02:22:32Z</c>, as ECF's serialisers), dates as <c>yyyy-MM-dd</c>.
/// </summary>
public static class V3Json
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>A time as the v3 API shows it.</summary>
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time as stored for ordering and range filters: fixed width, so text order is time order.</summary>
    public static string SortableTime(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new RfcTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class RfcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Time(value));
    }
}
