using System.Text.Json;
using Ecf.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecf.Orchestrations.Timers;

/// <summary>
/// The local host's timer functions (in Azure the Functions host's timer trigger schedules them and calls
/// <see cref="TimerStarts"/>). Runs each timer function's occurrences once across every host sharing the store. For each function, a schedule document
/// holds a checkpoint (every occurrence up to it is handled). When occurrences are due, a host claims the latest of them by
/// moving the checkpoint with If-Match (one host wins), then starts the orchestration with the deterministic instance id
/// <c>timer:&lt;name&gt;:&lt;occurrence UTC yyyyMMddHHmmss&gt;</c> and confirms. Older missed occurrences are skipped, never run
/// as a backlog: after downtime only the latest missed one runs, once, as Azure Functions' schedule monitor does. A claim left
/// unconfirmed by a host that died is completed by any host after <see cref="ClaimTimeout"/>; an instance that already exists
/// is never started again. The first time a function is seen (or its schedule changes) it starts from "now" and runs nothing.
/// </summary>
public sealed partial class TimerFunctionScheduler
{
    /// <summary>How long a claim may stay unconfirmed before another host starts the instance itself.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    private readonly IDocumentStore _store;
    private readonly DurableTaskClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<TimerFunction> _functions;
    private IDocumentContainer? _container;

    public TimerFunctionScheduler(
        IDocumentStore store,
        DurableTaskClient client,
        IOptions<TimerFunctionsOptions> options,
        TimeProvider time,
        ILogger<TimerFunctionScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _client = client;
        _time = time;
        _logger = logger;
        _functions = [.. options.Value.Functions
            .Where(f => !f.Value.IsDisabled)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new TimerFunction(f.Key, TimerSchedule.Parse(f.Value.Schedule!), f.Value.Orchestration!, TimerFunctionsOptionsValidator.ParseInput(f.Value.Input)))];
        HostId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    }

    /// <summary>This scheduler's name in claims (for diagnosis only).</summary>
    public string HostId { get; }

    /// <summary>The enabled functions.</summary>
    public IReadOnlyList<TimerFunction> Functions => _functions;

    /// <summary>The earliest next occurrence of any function after <paramref name="now"/>; null when there are no functions.</summary>
    public DateTimeOffset? NextOccurrenceAfter(DateTimeOffset now) =>
        _functions.Count == 0 ? null : _functions.Min(f => f.Schedule.GetNextOccurrence(now));

    /// <summary>One pass over every function: runs what is due now. Returns the instances this scheduler started.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var started = new List<string>();
        foreach (var function in _functions)
        {
            try
            {
                if (await RunDueAsync(function, cancellationToken).ConfigureAwait(false) is { } instanceId)
                {
                    started.Add(instanceId);
                }
            }
            catch (DocumentStoreException ex)
            {
                LogStoreFailure(_logger, ex, function.Name);
            }
        }

        return started;
    }

    private async Task<string?> RunDueAsync(TimerFunction function, CancellationToken cancellationToken)
    {
        var container = await ContainerAsync(cancellationToken).ConfigureAwait(false);
        var id = TimerScheduleDocument.IdFor(function.Name);
        var now = _time.GetUtcNow();
        var stored = await container.ReadAsync(TimerScheduleDocument.Partition, id, cancellationToken).ConfigureAwait(false);
        if (stored is null || !string.Equals(stored.As<TimerScheduleDocument>().Schedule, function.Schedule.Expression, StringComparison.Ordinal))
        {
            await StartAfreshAsync(container, function, stored, now, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var state = stored.As<TimerScheduleDocument>();
        var startedByRecovery = (string?)null;
        if (!state.Started)
        {
            if (state.ClaimedAt is { } claimedAt && now - claimedAt < ClaimTimeout)
            {
                return null; // Another host is starting the claimed occurrence.
            }

            // The claimant stopped between its claim and its start: finish its work.
            startedByRecovery = await StartInstanceAsync(function, state.LastInstanceId!, cancellationToken).ConfigureAwait(false) ? state.LastInstanceId : null;
            stored = await ConfirmAsync(container, stored, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return startedByRecovery;
            }

            state = stored.As<TimerScheduleDocument>();
        }

        if (function.Schedule.GetLatestOccurrence(state.Checkpoint, now) is not { } occurrence)
        {
            return startedByRecovery;
        }

        var instanceId = TimerStarts.InstanceIdFor(function.Name, occurrence);
        var claim = state with
        {
            Checkpoint = occurrence,
            LastOccurrence = occurrence,
            LastInstanceId = instanceId,
            Started = false,
            ClaimedBy = HostId,
            ClaimedAt = now,
        };
        StoredDocument claimed;
        try
        {
            claimed = await container.ReplaceAsync(TimerScheduleDocument.Partition, id, claim, stored.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            return startedByRecovery; // Another host claimed it first.
        }

        var started = await StartInstanceAsync(function, instanceId, cancellationToken).ConfigureAwait(false);
        await ConfirmAsync(container, claimed, cancellationToken).ConfigureAwait(false);
        if (started)
        {
            LogStarted(_logger, function.Name, occurrence, function.Orchestration, instanceId);
        }

        return started ? instanceId : startedByRecovery;
    }

    private Task<bool> StartInstanceAsync(TimerFunction function, string instanceId, CancellationToken cancellationToken) =>
        TimerStarts.StartOnceAsync(_client, function.Orchestration, function.Input, instanceId, cancellationToken);

    /// <summary>Marks the claim in <paramref name="claimed"/> started; null when the document changed meanwhile (someone else confirmed).</summary>
    private static async Task<StoredDocument?> ConfirmAsync(IDocumentContainer container, StoredDocument claimed, CancellationToken cancellationToken)
    {
        var state = claimed.As<TimerScheduleDocument>() with { Started = true };
        try
        {
            return await container.ReplaceAsync(TimerScheduleDocument.Partition, claimed.Id, state, claimed.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            return null;
        }
    }

    private async Task StartAfreshAsync(IDocumentContainer container, TimerFunction function, StoredDocument? existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = new TimerScheduleDocument
        {
            Id = TimerScheduleDocument.IdFor(function.Name),
            Name = function.Name,
            Schedule = function.Schedule.Expression,
            Checkpoint = now,
        };
        try
        {
            if (existing is null)
            {
                await container.CreateAsync(TimerScheduleDocument.Partition, fresh.Id, fresh, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var previous = existing.As<TimerScheduleDocument>();
                await container.ReplaceAsync(TimerScheduleDocument.Partition, fresh.Id, fresh with { LastOccurrence = previous.LastOccurrence, LastInstanceId = previous.LastInstanceId }, existing.ETag, cancellationToken).ConfigureAwait(false);
            }

            LogFresh(_logger, function.Name, function.Schedule.Expression, function.Schedule.GetNextOccurrence(now));
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            // Another host wrote it first.
        }
    }

    private async Task<IDocumentContainer> ContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is null)
        {
            await _store.EnsureContainersAsync([TimerScheduleDocument.Container], cancellationToken).ConfigureAwait(false);
            _container = _store.GetContainer(TimerScheduleDocument.Container.Name);
        }

        return _container;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Name} started orchestration {Orchestration} for {Occurrence:O} as {InstanceId}.")]
    private static partial void LogStarted(ILogger logger, string name, DateTimeOffset occurrence, string orchestration, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Name} ({Schedule}) starts afresh; next occurrence {Next:O}.")]
    private static partial void LogFresh(ILogger logger, string name, string schedule, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer function {Name}: the store failed; retrying on the next pass.")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception, string name);
}

/// <summary>An enabled timer function, parsed.</summary>
public sealed record TimerFunction(string Name, TimerSchedule Schedule, string Orchestration, JsonElement? Input);
