using Microsoft.Extensions.Logging;

namespace Ecf.Durable.Engine;

/// <summary>
/// Runs one episode of an orchestration: replays the recorded history (checking every call against it), then applies the new
/// messages in order, and reports the new history events and the outcome. Pure: no I/O; the caller loads and commits.
/// </summary>
internal static class OrchestrationExecutor
{
    public static EpisodeOutcome Run(
        ITaskOrchestrator orchestrator,
        TaskName name,
        string instanceId,
        ParentOrchestrationInstance? parent,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<IncomingMessage> messages,
        DateTime now,
        ILoggerFactory loggerFactory)
    {
        var outcome = new EpisodeOutcome();
        var context = new ReplayContext(name, instanceId, parent, past, outcome.NewEvents, loggerFactory) { Replaying = true };
        var scheduler = new OrchestrationScheduler();
        Task<object?>? run = null;
        var consumedBefore = new HashSet<string>(StringComparer.Ordinal);

        void Start(string? input)
        {
            context.Input = input;
            var outer = new Task<Task<object?>>(() => orchestrator.RunAsync(context, DurableJson.Deserialize(input, orchestrator.InputType)));
            outer.Start(scheduler);
            scheduler.RunUntilIdle();
            run = outer.IsFaulted ? Task.FromException<object?>(outer.Exception!.InnerException!) : outer.Result;
        }

        foreach (var e in past)
        {
            if (e.MessageId is not null)
            {
                consumedBefore.Add(e.MessageId);
            }

            switch (e.Kind)
            {
                case HistoryEventKind.OrchestratorStarted:
                    context.CurrentTime = e.Timestamp ?? context.CurrentTime;
                    break;
                case HistoryEventKind.ExecutionStarted:
                    outcome.Started = true;
                    Start(e.Data);
                    break;
                case HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed or HistoryEventKind.TimerFired
                    or HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed:
                    context.TryComplete(e);
                    scheduler.RunUntilIdle();
                    break;
                case HistoryEventKind.EventRaised:
                    context.DeliverEvent(e.Name ?? string.Empty, e.Data);
                    scheduler.RunUntilIdle();
                    break;
                default:
                    break;
            }

            if (context.NonDeterminism is not null)
            {
                break;
            }
        }

        if (context.NonDeterminism is null && run is not null && context.UnclaimedSchedules.Count > 0)
        {
            var missing = context.UnclaimedSchedules.OrderBy(e => e.TaskId).First();
            var what = missing.Kind == HistoryEventKind.TaskScheduled ? $"activity '{missing.Name}'" : $"{missing.Kind} '{missing.Name}'";
            Fail(outcome, context, new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{name}' ({instanceId}): history recorded {what} as task #{missing.TaskId}, but the orchestrator did not ask for it when replayed."));
        }

        context.Replaying = false;
        context.CurrentTime = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        outcome.NewEvents.Insert(0, new HistoryEvent { Kind = HistoryEventKind.OrchestratorStarted, Timestamp = context.CurrentTime });

        var remaining = new List<IncomingMessage>();
        foreach (var message in messages)
        {
            if (consumedBefore.Contains(message.MessageId))
            {
                outcome.Consumed.Add(message.MessageId);
            }
            else
            {
                remaining.Add(message);
            }
        }

        bool Ended() => outcome.FinalStatus is not null || context.NonDeterminism is not null || run is { IsCompleted: true };

        var progressed = true;
        while (progressed && !Ended() && remaining.Count > 0)
        {
            progressed = false;
            for (var i = 0; i < remaining.Count && !Ended(); i++)
            {
                var message = remaining[i];
                var e = message.Event with { MessageId = message.MessageId };
                var applied = true;
                switch (e.Kind)
                {
                    case HistoryEventKind.ExecutionStarted:
                        if (run is null && !outcome.Started)
                        {
                            outcome.Started = true;
                            outcome.NewEvents.Add(e);
                            Start(e.Data);
                        }

                        break;
                    case HistoryEventKind.ExecutionTerminated:
                        outcome.NewEvents.Add(e);
                        outcome.FinalStatus = OrchestrationRuntimeStatus.Terminated;
                        outcome.Output = e.Data;
                        break;
                    case HistoryEventKind.EventRaised:
                        if (run is null)
                        {
                            applied = false;
                            break;
                        }

                        outcome.NewEvents.Add(e);
                        context.DeliverEvent(e.Name ?? string.Empty, e.Data);
                        scheduler.RunUntilIdle();
                        break;
                    default:
                        if (run is null || e.TaskId is not { } taskId)
                        {
                            applied = run is not null;
                            break;
                        }

                        if (context.IsOpen(taskId, e.Kind))
                        {
                            outcome.NewEvents.Add(e);
                            context.TryComplete(e);
                            scheduler.RunUntilIdle();
                        }
                        else if (taskId >= context.NextTaskId)
                        {
                            applied = false;
                        }

                        break;
                }

                if (applied)
                {
                    outcome.Consumed.Add(message.MessageId);
                    remaining.RemoveAt(i);
                    i--;
                    progressed = true;
                }
            }
        }

        if (outcome.FinalStatus is null)
        {
            if (context.NonDeterminism is not null)
            {
                Fail(outcome, context, new NonDeterministicOrchestrationException(context.NonDeterminism));
            }
            else if (run is { IsCompleted: true })
            {
                if (run.IsFaulted || run.IsCanceled)
                {
                    var error = run.IsFaulted ? run.Exception!.InnerException ?? run.Exception : new TaskCanceledException("The orchestrator was canceled.");
                    Fail(outcome, context, error);
                }
                else if (context.ContinueAsNewRequested)
                {
                    outcome.FinalStatus = OrchestrationRuntimeStatus.ContinuedAsNew;
                    outcome.ContinueAsNewInput = context.ContinueAsNewInput;
                    outcome.NewEvents.Add(new HistoryEvent { Kind = HistoryEventKind.ContinuedAsNew, Data = context.ContinueAsNewInput });
                    if (context.PreserveUnprocessedEvents)
                    {
                        outcome.CarriedEvents.AddRange(context.UnconsumedEvents());
                    }
                }
                else
                {
                    outcome.FinalStatus = OrchestrationRuntimeStatus.Completed;
                    outcome.Output = DurableJson.Serialize(run.Result);
                    outcome.NewEvents.Add(new HistoryEvent { Kind = HistoryEventKind.ExecutionCompleted, Data = outcome.Output });
                }
            }
        }

        foreach (var message in remaining)
        {
            if (outcome.FinalStatus is null)
            {
                outcome.Deferred.Add(message.MessageId);
            }
            else if (outcome.FinalStatus == OrchestrationRuntimeStatus.ContinuedAsNew && message.Event.Kind is HistoryEventKind.EventRaised or HistoryEventKind.ExecutionTerminated)
            {
                outcome.LeftForNextExecution.Add(message.MessageId);
            }
            else
            {
                outcome.Consumed.Add(message.MessageId);
            }
        }

        outcome.CustomStatusSet = context.CustomStatusSet;
        outcome.CustomStatus = context.CustomStatus;
        return outcome;
    }

    private static void Fail(EpisodeOutcome outcome, ReplayContext context, Exception error)
    {
        _ = context;
        if (error is NonDeterministicOrchestrationException)
        {
            // Actions asked for by code that no longer matches its history are not carried out.
            outcome.NewEvents.RemoveAll(e => e.IsSchedule);
        }

        outcome.FinalStatus = OrchestrationRuntimeStatus.Failed;
        outcome.Failure = TaskFailureDetails.FromException(error);
        outcome.NewEvents.Add(new HistoryEvent { Kind = HistoryEventKind.ExecutionFailed, Failure = outcome.Failure });
    }
}
