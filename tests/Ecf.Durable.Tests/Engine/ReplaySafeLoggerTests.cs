using System.Collections.Concurrent;
using Ecf.Durable.Samples;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.Extensions.Logging;

namespace Ecf.Durable.Tests.Engine;

public sealed class ReplaySafeLoggerTests
{
    [Fact]
    public async Task CreateReplaySafeLogger_OrchestrationReplaysFourTimes_EachEntryWrittenOnce()
    {
        // Arrange
        using var temp = new TempDatabase();
        var provider = new CapturingProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(provider).SetMinimumLevel(LogLevel.Information));
        await using var store = new SqliteDocumentStore(temp.Path);
        var registry = new DurableTaskRegistry().AddSamples().AddOrchestratorFunc<object?, int>("Logs", async (ctx, _) =>
        {
            var logger = ctx.CreateReplaySafeLogger("Logs");
            logger.LogInformation("starting {InstanceId}", ctx.InstanceId);
            for (var i = 0; i < 3; i++)
            {
                await ctx.CallActivityAsync<string>(SampleNames.SayHello, "x");
                logger.LogInformation("step {Step}", i);
            }

            return 3;
        });
        await using var host = new DurableTaskHost(store, registry, DurableHarness.NewOptions(), loggerFactory: loggerFactory);
        await host.StartAsync(CancellationToken.None);

        // Act
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Logs", new StartOrchestrationOptions("logs-1"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token);

        // Assert
        var entries = provider.Messages.Where(m => m.StartsWith("starting", StringComparison.Ordinal) || m.StartsWith("step", StringComparison.Ordinal)).ToList();
        Assert.Equal(["starting logs-1", "step 0", "step 1", "step 2"], entries);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => categoryName == "Logs" ? new Capturing(Messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
