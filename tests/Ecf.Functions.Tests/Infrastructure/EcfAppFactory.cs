using System.Net.Http.Headers;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Application.Tokens;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;
using Ecf.Functions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ecf.Functions.Tests.Infrastructure;

/// <summary>
/// The real app on the real embedded SQLite store, in a temporary folder of its own that is deleted afterwards.
/// Settings override the app's appsettings; <see cref="WithTestEndpoints"/> adds probe endpoints (never shipped).
/// </summary>
public class EcfAppFactory : WebApplicationFactory<Program>
{
    public const string TestSecret = "test-only-token-secret-0123456789-abcdefghij";

    private readonly bool _ownsDirectory;

    public EcfAppFactory()
        : this(null)
    {
    }

    protected EcfAppFactory(string? dataDirectory)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? CreateTempDirectory();
        Settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(DataDirectory, "ecf.db"),
            ["Files:Provider"] = "Local",
            ["Files:Root"] = Path.Combine(DataDirectory, "files"),
            ["Auth:TokenSecret"] = TestSecret,
            ["Sandbox:Enabled"] = "true",
            ["LocalTokens:Enabled"] = "false",
            ["LocalTokens:File"] = Path.Combine(DataDirectory, "local-tokens.json"),
            // The first-start GIAS import of the bundled extract (on in Development) runs only where a test asks for it.
            ["Gias:ImportOnFirstStart"] = "false",
            // The illustrative contracts (on in Development) are seeded only where a test asks for them.
            ["Contracts:SeedIllustrative"] = "false",
            // Orchestrations run on the local task hub with the in-process test host's in-memory backend (no Azurite).
            ["LocalDurable:Backend"] = "InMemory",
            // The test server's own address, so Location headers match the URLs the test client uses.
            ["PublicBaseUrl"] = "http://localhost",
        };
    }

    public string DataDirectory { get; }

    /// <summary>A factory on an existing folder, which it leaves in place (to restart an app on the same data).</summary>
    public static EcfAppFactory InDirectory(string dataDirectory) => new(dataDirectory);

    public Dictionary<string, string?> Settings { get; }

    public string EnvironmentName { get; set; } = "Development";

    public bool WithTestEndpoints { get; set; }

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public static string CreateTempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecf-functions-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing connection; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A new token, created through the application handler.</summary>
    public async Task<string> CreateTokenAsync(string role, string? leadProvider = null, string? description = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateApiTokenHandler>()
            .HandleAsync(new CreateApiTokenCommand(role, leadProvider, description));
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value.Token;
    }

    public async Task<HttpClient> CreateClientWithTokenAsync(string role, string? leadProvider = null)
    {
        var token = await CreateTokenAsync(role, leadProvider);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An open school eligible for funding, written as the GIAS import writes it (created <paramref name="at"/>, default now).</summary>
    public async Task<School> AddSchoolAsync(int urn, DateTimeOffset? at = null)
    {
        using var _ = CreateClient();
        var facts = new GiasFacts { Urn = urn, Name = $"School {urn}", TypeCode = "1", StatusCode = "1", DistrictAdministrativeCode = "E09000001" };
        var school = SchoolDecider.ApplyFacts(null, facts, new SchoolChangeContext(at ?? DateTimeOffset.UtcNow, "test", "test")).School!;
        Assert.Empty(await Services.GetRequiredService<SchoolDocuments>().WriteAsync([(school, null)]));
        return school;
    }

    /// <summary>A lead provider with a delivery partner it works with in 2025: the first such provider after skipping <paramref name="skip"/>.</summary>
    public async Task<(LeadProvider Provider, DeliveryPartner Partner)> ProviderWithPartnerAsync(int skip = 0)
    {
        using var _ = CreateClient();
        var snapshot = await Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        var relationship = snapshot.Relationships.Where(r => r.ContractYear == 2025).GroupBy(r => r.LeadProviderId).Skip(skip).First().First();
        return (snapshot.GetLeadProvider(relationship.LeadProviderId)!, snapshot.GetDeliveryPartner(relationship.DeliveryPartnerId)!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (WithTestEndpoints)
            {
                services.AddSingleton<IEndpointModule, TestEndpoints>();
            }

            ConfigureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            DeleteDirectory(DataDirectory);
        }
    }
}
