using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecf.LocalRuntime.Tests;

/// <summary>
/// One Azurite for the whole test run (data in a temporary folder, deleted at the end) and one local host on it running the
/// sample orchestrations; tests that need their own host or process use their own task hub on the same Azurite.
/// </summary>
public sealed class LocalRuntimeFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ecf-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;
    private IHost? _host;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Started in InitializeAsync.");

    /// <summary>The client of the shared host (task hub <c>EcfTests</c>).</summary>
    public DurableTaskClient Client => (_host ?? throw new InvalidOperationException("Started in InitializeAsync."))
        .Services.GetRequiredService<DurableTaskClient>();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(_dataDirectory);
        _host = await StartHostAsync("EcfTests", Samples.Register);
    }

    /// <summary>A host of the local runtime on this Azurite, started; the caller stops and disposes it.</summary>
    public async Task<IHost> StartHostAsync(string taskHub, Action<DurableTaskRegistry> tasks, TimeSpan? visibilityTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalDurable:Backend"] = "AzureStorage",
            ["LocalDurable:StorageConnectionString"] = Azurite.ConnectionString,
            ["LocalDurable:TaskHubName"] = taskHub,
            ["LocalDurable:VisibilityTimeout"] = (visibilityTimeout ?? TimeSpan.FromSeconds(20)).ToString("c"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddEcfLocalDurableTask(builder.Configuration, tasks);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalRuntimeGroup : ICollectionFixture<LocalRuntimeFixture>
{
    public const string Name = "Local runtime on Azurite";
}
