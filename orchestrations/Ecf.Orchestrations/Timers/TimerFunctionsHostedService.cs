using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// Drives <see cref="TimerFunctionScheduler"/>: a pass at start (which runs the latest occurrence missed while no host ran),
/// then a pass at each next occurrence, waking at least every <see cref="MaxSleep"/> to finish claims a dead host left.
/// Registered after the durable host, so it starts once the host (and the store's containers) are ready.
/// </summary>
public sealed partial class TimerFunctionsHostedService(TimerFunctionScheduler scheduler, TimeProvider time, ILogger<TimerFunctionsHostedService> logger) : BackgroundService
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (scheduler.Functions.Count == 0)
        {
            return;
        }

        LogFunctions(logger, string.Join(", ", scheduler.Functions.Select(f => $"{f.Name} ({f.Schedule} -> {f.Orchestration})")));
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = MaxSleep;
            try
            {
                await scheduler.RunDueAsync(stoppingToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                if (scheduler.NextOccurrenceAfter(now) is { } next && next - now < MaxSleep)
                {
                    wait = next - now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive any failure of one pass; it is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, ex);
                wait = TimeSpan.FromSeconds(5);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer functions: {Functions}.")]
    private static partial void LogFunctions(ILogger logger, string functions);

    [LoggerMessage(Level = LogLevel.Error, Message = "A timer functions pass failed; retrying.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
