using Ecf.Durable.Samples;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ecf.Durable.Tests;

public sealed class DurableServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddEcfDurable_HostedServiceStarted_ClientRunsOrchestration()
    {
        // Arrange
        using var temp = new TempDatabase();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Durable:ShardCount"] = "4" }).Build());
        services.AddSingleton<IDocumentStore>(new SqliteDocumentStore(temp.Path));
        services.AddEcfDurable(registry => registry.AddSamples(), options => options.MaxPollInterval = TimeSpan.FromMilliseconds(50));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<DurableTaskHost>().Single();
        await hosted.StartAsync(CancellationToken.None);
        var client = provider.GetRequiredService<DurableTaskClient>();

        // Act
        var id = await client.ScheduleNewOrchestrationInstanceAsync(SampleNames.HelloSequence);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        await hosted.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(4, provider.GetRequiredService<IOptions<DurableTaskOptions>>().Value.ShardCount);
        Assert.Equal(3, result.ReadOutputAs<List<string>>()!.Count);
    }

    [Fact]
    public void AddEcfDurable_WrongPartitionKeyPath_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddEcfDurable(_ => { }, options => options.PartitionKeyPath = "/id");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableTaskOptions>>().Value);

        Assert.Contains("/instanceId", error.Message, StringComparison.Ordinal);
    }
}
