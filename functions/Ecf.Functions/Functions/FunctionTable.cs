using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ecf.Functions.Features.Timers;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Ecf.Functions.Functions;

/// <summary>
/// The app's endpoints as Azure Functions: every route endpoint must carry a function name (<c>WithName</c>) and live under
/// <c>/api/</c> (the Functions host's route prefix). Each becomes <c>&lt;name&gt;/function.json</c> with an anonymous
/// <c>httpTrigger</c>, which the Functions host forwards unchanged to this app (custom handler, request forwarding). Endpoints
/// marked with <see cref="TimerTriggerMetadata"/> become <c>timerTrigger</c> functions instead (the host posts to <c>/&lt;name&gt;</c>).
/// </summary>
public static partial class FunctionTable
{
    public const string RoutePrefix = "api/";

    public static readonly IReadOnlyList<string> AllMethods = ["get", "post", "put", "patch", "delete", "head", "options"];

    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    /// <summary>The function table; throws listing every endpoint that cannot be a function.</summary>
    public static IReadOnlyList<FunctionDefinition> From(IEnumerable<EndpointDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var functions = new List<FunctionDefinition>();
        var problems = new List<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            if (string.IsNullOrEmpty(name))
            {
                problems.Add($"{route} has no function name (add .WithName(\"...\")).");
                continue;
            }

            if (!FunctionName().IsMatch(name))
            {
                problems.Add($"{route}: '{name}' is not a valid function name (a letter, then letters, digits, '-' or '_').");
                continue;
            }

            if (endpoint.Metadata.GetMetadata<TimerTriggerMetadata>() is { } timer)
            {
                functions.Add(new FunctionDefinition(name, [], route, timer.Schedule));
                continue;
            }

            var functionRoute = ToFunctionRoute(endpoint.RoutePattern);
            if (functionRoute is null)
            {
                problems.Add($"{route} ({name}) is not under /{RoutePrefix}.");
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared.Select(m => m.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList()
                : [.. AllMethods];
            functions.Add(new FunctionDefinition(name, methods, functionRoute));
        }

        problems.AddRange(functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"The function name '{g.Key}' is used by {g.Count()} endpoints."));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Some endpoints cannot be Azure Functions:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The route as the Functions host writes it: no leading slash or <c>api/</c>, catch-alls as <c>{*name}</c>. Null outside <c>/api/</c>.</summary>
    public static string? ToFunctionRoute(RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            if (text.Length > 0)
            {
                text.Append('/');
            }

            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        text.Append('{');
                        if (parameter.IsCatchAll)
                        {
                            text.Append('*');
                        }

                        text.Append(parameter.Name);
                        foreach (var policy in parameter.ParameterPolicies.Where(p => p.Content is not null))
                        {
                            text.Append(':').Append(policy.Content);
                        }

                        if (parameter.IsOptional)
                        {
                            text.Append('?');
                        }

                        text.Append('}');
                        break;
                    default:
                        break;
                }
            }
        }

        var route = text.ToString();
        if (route.Equals(RoutePrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        return route.StartsWith(RoutePrefix, StringComparison.OrdinalIgnoreCase) ? route[RoutePrefix.Length..] : null;
    }

    public static JsonObject ToFunctionJson(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.Schedule is { } schedule)
        {
            return new JsonObject
            {
                ["bindings"] = new JsonArray(new JsonObject
                {
                    ["type"] = "timerTrigger",
                    ["direction"] = "in",
                    ["name"] = "timer",
                    ["schedule"] = schedule,
                    ["runOnStartup"] = false,
                }),
            };
        }

        return new JsonObject
        {
            ["bindings"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray([.. function.Methods.Select(m => (JsonNode)JsonValue.Create(m))]),
                    ["route"] = function.Route,
                },
                new JsonObject
                {
                    ["type"] = "http",
                    ["direction"] = "out",
                    ["name"] = "res",
                }),
        };
    }

    /// <summary>Writes <c>&lt;output&gt;/&lt;Name&gt;/function.json</c> for each function; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string outputDirectory, IReadOnlyList<FunctionDefinition> functions)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(functions);
        var files = new List<string>();
        foreach (var function in functions)
        {
            var directory = Path.Combine(outputDirectory, function.Name);
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, "function.json");
            File.WriteAllText(file, ToFunctionJson(function).ToJsonString(FileJson) + "\n");
            files.Add(file);
        }

        return files;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();
}
