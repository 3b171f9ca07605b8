using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Ecf.LocalRuntime.Tests;

/// <summary>Start and stop of a local host: the hub listens before the worker connects, stops cleanly, and a next host takes over.</summary>
[Collection(LocalRuntimeGroup.Name)]
public sealed class HostLifetimeTests(LocalRuntimeFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Host_StoppedThenStartedAgainOnTheSameHub_StopsPromptlyAndTheNextHostRunsWork()
    {
        // Arrange
        var taskHub = "Restart" + Guid.NewGuid().ToString("N")[..12];

        // Act
        var first = await fixture.StartHostAsync(taskHub, Samples.Register);
        var before = await RunChainAsync(first, 3);
        var stopping = Stopwatch.StartNew();
        await first.StopAsync();
        var stopped = stopping.Elapsed;
        first.Dispose();
        var starting = Stopwatch.StartNew();
        using var second = await fixture.StartHostAsync(taskHub, Samples.Register);
        var after = await RunChainAsync(second, 4);
        var secondRun = starting.Elapsed;
        await second.StopAsync();

        // Assert
        output.WriteLine($"first host stopped in {stopped.TotalSeconds:F1} s; the second started and ran a chain in {secondRun.TotalSeconds:F1} s");
        Assert.Equal(3, before);
        Assert.Equal(4, after);
        Assert.True(stopped < TimeSpan.FromSeconds(15), $"stop took {stopped}");
        Assert.True(secondRun < TimeSpan.FromSeconds(30), $"the next host took {secondRun}");
    }

    [Fact]
    public async Task Host_StoppedBeforeAnyWork_Stops()
    {
        // Arrange
        using var host = await fixture.StartHostAsync("Idle" + Guid.NewGuid().ToString("N")[..12], Samples.Register);

        // Act
        var stopping = Stopwatch.StartNew();
        await host.StopAsync();

        // Assert
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"stop took {stopping.Elapsed}");
    }

    [Fact]
    public async Task Host_InvalidTaskHubName_RefusedAtStartNamingTheSetting()
    {
        // Act
        var refused = await Record.ExceptionAsync(() => fixture.StartHostAsync("no-dashes", Samples.Register));

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(refused);
        Assert.Contains("LocalDurable:TaskHubName", invalid.Message, StringComparison.Ordinal);
    }

    private static async Task<int> RunChainAsync(IHost host, int steps)
    {
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(Samples.Chain, steps);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel.Token);
        return result.ReadOutputAs<int>();
    }
}
