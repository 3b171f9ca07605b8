using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Ecf.Orchestrations;

/// <summary>
/// How orchestration inputs, outputs and custom statuses are written to the durable store, on every host: JSON with the web
/// defaults (camelCase names, names read case-insensitively). An input posted to the orchestration HTTP API as
/// <c>{"message":"hi"}</c> therefore binds to <c>PingInput.Message</c>, and the status API shows outputs in the API's own
/// camelCase. The local host sets it as the worker's and client's <see cref="DataConverter"/>; the Functions worker sets the
/// same options as its serializer, which the Durable Functions extension converts with.
/// </summary>
public static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static DataConverter Converter { get; } = new JsonDataConverter(Options);
}
