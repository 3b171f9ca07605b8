using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// How a timer function starts its orchestration, in Azure (the timer trigger) and on the local host
/// (<see cref="TimerFunctionScheduler"/>): once per occurrence, as instance <c>timer:&lt;name&gt;:&lt;occurrence UTC
/// yyyyMMddHHmmss&gt;</c>, never again once that instance exists in any state (a finished one is not replaced).
/// </summary>
public static class TimerStarts
{
    /// <summary>The instance id of a function's occurrence.</summary>
    public static string InstanceIdFor(string functionName, DateTimeOffset occurrence) =>
        $"timer:{functionName}:{occurrence.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";

    /// <summary>Starts the instance unless it already exists; false when it existed.</summary>
    public static async Task<bool> StartOnceAsync(DurableTaskClient client, string orchestration, JsonElement? input, string instanceId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            return false; // Started by another host between the read and the start.
        }
    }
}
