using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Runs <see cref="ProviderViewProjector"/> (people) then <see cref="ViewDependencyProjector"/> (partnerships and schools) in the
/// background, every <see cref="ProviderViewProjectorOptions.PollSeconds"/>.
/// </summary>
public sealed partial class ProviderViewProjectorService(
    ProviderViewProjector projector,
    ViewDependencyProjector dependencyProjector,
    IOptions<ProviderViewProjectorOptions> options,
    TimeProvider time,
    ILogger<ProviderViewProjectorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProjectorEnabled)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await projector.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (run.Writes > 0)
                {
                    LogRepaired(run.People, run.Writes);
                }

                var dependencies = await dependencyProjector.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (dependencies.Writes > 0)
                {
                    LogDependencies(dependencies.People, dependencies.Writes);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a failed run (store unavailable, containers not yet created); it retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider view projector: {People} people read, {Writes} views repaired.")]
    private partial void LogRepaired(int people, int writes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider view dependency projector: {People} people re-projected after partnership or school changes, {Writes} views written.")]
    private partial void LogDependencies(int people, int writes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider view projector run failed; retrying.")]
    private partial void LogFailed(Exception exception);
}
