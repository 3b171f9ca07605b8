using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecf.Application.Storage;
using Ecf.Storage.Cosmos;
using Ecf.TestKit;

namespace Ecf.Infra.Tests;

/// <summary>The Azure deployment (infra/azure) compiles, and declares the Cosmos DB containers the application uses.</summary>
public sealed class AzureDeploymentTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "infra", "azure");

    [Fact]
    public void CosmosContainersFile_IsWhatTheApplicationDeclares()
    {
        var expected = ExpectedContainers();

        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "cosmos-containers.json")));

        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"infra/azure/cosmos-containers.json differs from EcfContainers.All; it should be:\n{expected.ToJsonString(Indented)}");
    }

    [Fact]
    public async Task MainBicep_Builds_WithoutWarnings()
    {
        var (exitCode, arm, diagnostics) = await BicepAsync(null, "build", Path.Combine(Folder, "main.bicep"), "--stdout");

        Assert.True(exitCode == 0 && diagnostics.Length == 0, diagnostics);
        var template = JsonNode.Parse(arm)!;
        var resources = template["resources"] is JsonArray list ? [.. list.Select(r => r!)] : template["resources"]!.AsObject().Select(r => r.Value!).ToList();
        var app = resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites");
        Assert.Equal("dotnet-isolated", (string?)app["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        Assert.Equal("SystemAssigned", (string?)app["identity"]!["type"]);
        var settings = app["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToJsonString());
        Assert.Equal("\"Cosmos\"", settings["Storage__Provider"]);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Auth__TokenSecret"], StringComparison.Ordinal);
        Assert.Equal("\"false\"", settings["Sandbox__Enabled"]);
        // AzureWebJobsStorage is identity-based in Azure (no connection string), so the file store is given the account URL.
        Assert.Equal("\"Blob\"", settings["Files__Provider"]);
        Assert.Contains("primaryEndpoints", settings["Files__Blob__AccountUrl"], StringComparison.Ordinal);
        Assert.Equal("ecf-files", (string?)template["variables"]!["filesContainerName"]);
        Assert.Contains("filesContainerName", settings["Files__Blob__ContainerName"], StringComparison.Ordinal);
        Assert.Single(resources, r => (string?)r["type"] == "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
    }

    [Theory]
    [InlineData(null, "ECF_TOKEN_SECRET")]
    [InlineData("too-short", "minimum allowable length is 32")]
    public async Task Parameters_WithoutAUsableTokenSecret_AreRefusedBeforeDeploying(string? secret, string expected)
    {
        var (exitCode, _, diagnostics) = await BicepAsync(secret, "build-params", Path.Combine(Folder, "main.bicepparam"), "--stdout");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_WithTheTokenSecretFromTheEnvironment_Build()
    {
        var (exitCode, output, diagnostics) = await BicepAsync(new string('k', 40), "build-params", Path.Combine(Folder, "main.bicepparam"), "--stdout");

        Assert.True(exitCode == 0 && diagnostics.Length == 0, diagnostics);
        var parameters = JsonNode.Parse((string)JsonNode.Parse(output)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal("ecf-dev", (string?)parameters["environmentName"]!["value"]);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Each container's name, partition key path and composite indexes, as the Cosmos adapter creates them.</summary>
    private static JsonArray ExpectedContainers() =>
    [
        .. EcfContainers.All.Select(container => new JsonObject
        {
            ["name"] = container.Name,
            ["partitionKeyPath"] = container.PartitionKeyPath,
            ["compositeIndexes"] = new JsonArray(
            [
                .. CosmosIndexing.CompositeIndexes(container).Select(index => new JsonArray(
                [
                    .. index.Select(key => new JsonObject
                    {
                        ["path"] = CosmosPaths.IndexPath(key.Path),
                        ["order"] = key.Descending ? "descending" : "ascending",
                    }),
                ])),
            ]),
        }),
    ];

    /// <param name="tokenSecret">ECF_TOKEN_SECRET in the compiler's environment, or null for none.</param>
    private static async Task<(int ExitCode, string Output, string Diagnostics)> BicepAsync(string? tokenSecret, params string[] arguments)
    {
        var bicep = typeof(AzureDeploymentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ECF_ENVIRONMENT");
        start.Environment.Remove("ECF_TOKEN_SECRET");
        if (tokenSecret is not null)
        {
            start.Environment["ECF_TOKEN_SECRET"] = tokenSecret;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var diagnostics = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, (await diagnostics).Trim());
    }
}
