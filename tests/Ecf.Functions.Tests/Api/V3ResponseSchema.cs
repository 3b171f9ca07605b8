using System.Text.Json;
using System.Text.Json.Nodes;
using Ecf.TestKit;
using Json.Schema;

namespace Ecf.Functions.Tests.Api;

/// <summary>
/// The v3 spec's response schemas (Api/Schemas, derived from the public OpenAPI document) as JSON Schema: a response body must
/// validate against the named schema, formats (uuid, date-time, date) included.
/// </summary>
internal static class V3ResponseSchema
{
    private static readonly JsonObject Definitions = Load("v3-declarations-statements.schema.json", "v3-participants.schema.json");

    public static void AssertValid(string schemaName, JsonElement body)
    {
        Assert.True(Definitions.ContainsKey(schemaName), $"No schema {schemaName}.");
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Definitions.DeepClone(),
            ["$ref"] = "#/$defs/" + schemaName,
        };
        var schema = JsonSchema.FromText(document.ToJsonString());
        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
        Assert.True(result.IsValid, $"Not a valid {schemaName}: {string.Join("; ", errors)}\n{body}");
    }

    /// <summary>The <c>$defs</c> of the schema files named, merged (no name is defined twice).</summary>
    private static JsonObject Load(params string[] files)
    {
        var merged = new JsonObject();
        foreach (var file in files)
        {
            var definitions = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Ecf.Functions.Tests", "Api", "Schemas", file)))!["$defs"]!;
            foreach (var (name, schema) in definitions)
            {
                merged.Add(name, schema!.DeepClone());
            }
        }

        return merged;
    }
}
