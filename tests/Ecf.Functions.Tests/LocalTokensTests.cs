using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ecf.Application.ReferenceData;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests;

public sealed class LocalTokensTests : IDisposable
{
    private readonly string _directory = EcfAppFactory.CreateTempDirectory();

    private string TokensFile => Path.Combine(_directory, "local-tokens.json");

    [Fact]
    public async Task Start_LocalTokensEnabled_WritesOneTokenPerRoleAndPerLeadProvider()
    {
        using var factory = LocalFactory();
        using var client = factory.CreateClient();
        var providers = await factory.Services.GetRequiredService<IReferenceData>().GetLeadProvidersAsync();

        var entries = ReadFile();

        Assert.Equal(3 + providers.Count, entries.Count);
        foreach (var entry in entries)
        {
            Assert.Equal(["lead_provider", "lead_provider_id", "role", "token"], entry.EnumerateObject().Select(p => p.Name).Order());
        }

        foreach (var role in new[] { ApiRoles.SchoolService, ApiRoles.Finance, ApiRoles.Admin })
        {
            var entry = Assert.Single(entries, e => e.GetProperty("role").GetString() == role);
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("lead_provider").ValueKind);
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("lead_provider_id").ValueKind);
        }

        var leadProviderEntries = entries.Where(e => e.GetProperty("role").GetString() == ApiRoles.LeadProvider).ToList();
        Assert.Equal(providers.Select(p => p.Name).Order(), leadProviderEntries.Select(e => e.GetProperty("lead_provider").GetString()).Order());
        Assert.All(leadProviderEntries, e => Assert.Contains(providers, p => p.Id == e.GetProperty("lead_provider_id").GetGuid() && p.Name == e.GetProperty("lead_provider").GetString()));
        foreach (var entry in entries)
        {
            Assert.Equal(HttpStatusCode.OK, await HealthStatusAsync(factory, entry.GetProperty("token").GetString()!));
        }
    }

    [Fact]
    public async Task Start_AgainWithTheSameFile_ReusesTokensThatStillVerify()
    {
        List<string> first;
        using (var factory = LocalFactory())
        {
            using var client = factory.CreateClient();
            first = Tokens();
        }

        // One entry no longer verifies: only it is replaced.
        var json = File.ReadAllText(TokensFile).Replace(first[2], "not-a-valid-token", StringComparison.Ordinal);
        File.WriteAllText(TokensFile, json);

        using (var factory = LocalFactory())
        {
            using var client = factory.CreateClient();
            var second = Tokens();

            Assert.Equal(first.Count, second.Count);
            Assert.Equal(first.Where((_, i) => i != 2), second.Where((_, i) => i != 2));
            Assert.NotEqual(first[2], second[2]);
            Assert.NotEqual("not-a-valid-token", second[2]);
            Assert.Equal(HttpStatusCode.OK, await HealthStatusAsync(factory, second[2]));
        }
    }

    [Fact]
    public void Start_LocalTokensDisabled_WritesNoFile()
    {
        using var factory = EcfAppFactory.InDirectory(_directory);
        using var client = factory.CreateClient();

        Assert.False(File.Exists(TokensFile));
    }

    public void Dispose() => EcfAppFactory.DeleteDirectory(_directory);

    private static async Task<HttpStatusCode> HealthStatusAsync(EcfAppFactory factory, string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/health");
        return response.StatusCode;
    }

    private EcfAppFactory LocalFactory()
    {
        var factory = EcfAppFactory.InDirectory(_directory);
        factory.Settings["LocalTokens:Enabled"] = "true";
        return factory;
    }

    private List<JsonElement> ReadFile()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TokensFile));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private List<string> Tokens() => [.. ReadFile().Select(e => e.GetProperty("token").GetString()!)];
}
