using System.Globalization;
using System.Net.Http.Headers;
using Ecf.Application.Tokens;
using Ecf.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The real app (<c>AddEcfServices</c> + <c>UseEcfApi</c>) on Kestrel on a free loopback port, over an embedded store a benchmark
/// generated: what the HTTP benchmarks measure. No projector, no local tokens, and the durable runtime on its in-memory backend
/// (nothing here runs an orchestration, so no Azurite shares the cores).
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchApp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="sandbox">Whether <c>X-With-Server-Date</c> sets the request's clock (as in Development).</param>
    public static async Task<BenchApp> StartAsync(string database, bool sandbox = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = database,
            ["Files:Provider"] = "Local",
            ["Files:Root"] = Path.Combine(Path.GetDirectoryName(database)!, "files"),
            ["Auth:TokenSecret"] = "bench-only-token-secret-0123456789-abcdefghij",
            ["Sandbox:Enabled"] = sandbox ? "true" : "false",
            ["LocalTokens:Enabled"] = "false",
            ["LocalDurable:Backend"] = "InMemory",
            ["ProviderViews:ProjectorEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEcfServices();
        var app = builder.Build();
        app.UseEcfApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchApp(app, new Uri(address));
    }

    /// <summary>A new API token of <paramref name="role"/> (bound to <paramref name="leadProvider"/>, by name, for a lead provider).</summary>
    public async Task<string> CreateTokenAsync(string role, string? leadProvider = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiTokenHandler>().HandleAsync(new CreateApiTokenCommand(role, leadProvider, "bench"));
        return created.IsSuccess ? created.Value.Token : throw new InvalidOperationException(created.Error.Detail);
    }

    /// <summary>A client of the app; with <paramref name="token"/>, sending it on every request.</summary>
    public HttpClient CreateClient(string? token = null, int maxConnections = 64)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the benchmarks of this program share: their temporary folder, arguments and percentiles.</summary>
internal static class Bench
{
    /// <summary>A new temporary folder under <paramref name="name"/>; deleted by <see cref="DeleteFolder"/>.</summary>
    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    /// <summary>The integer after <paramref name="name"/> on the command line, else <paramref name="fallback"/>.</summary>
    public static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The <paramref name="p"/> percentile (nearest rank) of sorted values; 0 when there are none.</summary>
    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
