using System.Text.Json;

namespace Ecf.Durable;

/// <summary>The serialisation of inputs, outputs, results and custom status: System.Text.Json, web defaults (camelCase, case-insensitive).</summary>
public static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);

    public static object? Deserialize(string? json, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return string.IsNullOrEmpty(json) ? (type.IsValueType ? Activator.CreateInstance(type) : null) : JsonSerializer.Deserialize(json, type, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
