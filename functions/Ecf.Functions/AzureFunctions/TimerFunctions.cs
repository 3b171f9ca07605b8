using Ecf.Orchestrations.Timers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.AzureFunctions;

/// <summary>
/// The timer functions in Azure: the Timer extension schedules each from its app setting (<c>TimerFunctions__&lt;Name&gt;__Schedule</c>,
/// NCRONTAB, UTC), and each occurrence starts the configured orchestration once across hosts through <see cref="TimerStarts"/>,
/// as instance <c>timer:&lt;Name&gt;:&lt;occurrence&gt;</c>, like the local host's scheduler.
/// </summary>
public static class TimerFunctions
{
    public const string GiasImportName = "GiasImport";
    public const string ParticipantStatusRefreshName = "ParticipantStatusRefresh";

    [Function(GiasImportName + "Timer")]
    public static Task GiasImportTimer(
        [TimerTrigger("%TimerFunctions:" + GiasImportName + ":Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext functionContext) =>
        StartOccurrenceAsync(GiasImportName, client, functionContext);

    [Function(ParticipantStatusRefreshName + "Timer")]
    public static Task ParticipantStatusRefreshTimer(
        [TimerTrigger("%TimerFunctions:" + ParticipantStatusRefreshName + ":Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext functionContext) =>
        StartOccurrenceAsync(ParticipantStatusRefreshName, client, functionContext);

    /// <summary>Starts the function's orchestration for its latest occurrence (at or before now), unless that instance exists or the function is disabled.</summary>
    public static async Task<string?> StartOccurrenceAsync(string name, DurableTaskClient client, FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(functionContext);
        var function = functionContext.InstanceServices.GetRequiredService<IConfiguration>()
            .GetSection($"{TimerFunctionsOptions.SectionName}:{name}").Get<TimerFunctionOptions>();
        if (function is null || function.IsDisabled)
        {
            return null;
        }

        var now = TimeProvider.System.GetUtcNow();
        var occurrence = TimerSchedule.Parse(function.Schedule!).GetLatestOccurrence(now.AddYears(-1), now) ?? now;
        var instanceId = TimerStarts.InstanceIdFor(name, occurrence);
        var started = await TimerStarts.StartOnceAsync(
            client, function.Orchestration!, TimerFunctionsOptionsValidator.ParseInput(function.Input), instanceId, functionContext.CancellationToken).ConfigureAwait(false);
        return started ? instanceId : null;
    }
}
