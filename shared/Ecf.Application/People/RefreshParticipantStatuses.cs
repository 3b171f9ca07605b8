using Ecf.Application.ProviderViews;
using Ecf.Domain.People;

namespace Ecf.Application.People;

/// <param name="Continuation">Where the previous batch stopped (null: the first batch of the run).</param>
/// <param name="PageSize">How many due people this batch reads (1 to <see cref="RefreshParticipantStatusesHandler.MaxPageSize"/>).</param>
/// <param name="CorrelationId">The run (orchestration instance id): timeline events carry it.</param>
public sealed record RefreshParticipantStatusesCommand(string? Continuation, int PageSize, string CorrelationId);

/// <summary>
/// One batch of the daily status refresh: reads a page of the people due (<see cref="Person.NextStatusChangeOn"/> on or before today,
/// a cross-partition index query), lets <see cref="StatusRefreshDecider"/> recompute their stale statuses, and writes each through the
/// person write path (person and events in one atomic batch, actor <c>system</c>), then the provider views, whose <c>updated_at</c>
/// moves only when what a provider sees changes. A written person's next change date moves past today, so it leaves the query:
/// a rerun on the same day reads nothing, and a retried batch skips what it already wrote. A lost race re-reads and decides again.
/// </summary>
public sealed class RefreshParticipantStatusesHandler(PersonDocuments people, TimeProvider clock, IEnumerable<IProviderViewWriter> viewWriters)
{
    public const int MaxPageSize = 1000;
    public const string ActorId = "ParticipantStatusRefresh";
    public const string Reason = "Daily status refresh: a start or end date was reached";
    private const int MaxAttempts = 5;

    public async Task<RefreshParticipantStatusesResult> HandleAsync(RefreshParticipantStatusesCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command.PageSize, $"The page size must be between 1 and {MaxPageSize}.");
        }

        var now = clock.GetUtcNow();
        var context = new PersonChangeContext(now, new Actor(ActorTypes.System, ActorId), command.CorrelationId, Reason);
        var (due, continuation) = await people.FindDueForStatusRefreshAsync(context.Today, command.Continuation, command.PageSize, cancellationToken).ConfigureAwait(false);
        var refreshed = 0;
        var unchanged = 0;
        var failures = new List<string>();
        foreach (var found in due)
        {
            var stored = found;
            for (var attempt = 1; ; attempt++)
            {
                var decision = StatusRefreshDecider.Decide(stored.Person, context);
                if (decision.Rejection is not null || attempt > MaxAttempts)
                {
                    failures.Add($"{stored.Person.PersonId}: {decision.Rejection ?? "the record kept changing"}");
                    break;
                }

                if (!decision.Changed)
                {
                    unchanged++;
                    break;
                }

                var written = await people.TryWriteAsync(decision.Person, stored.ETag, decision.Events, cancellationToken).ConfigureAwait(false);
                if (written is null)
                {
                    // Changed meanwhile (a registration, or another run): decide again on the fresh record.
                    var fresh = await people.ReadAsync(stored.Person.PersonId, cancellationToken).ConfigureAwait(false);
                    if (fresh is null)
                    {
                        unchanged++;
                        break;
                    }

                    stored = fresh;
                    continue;
                }

                foreach (var writer in viewWriters)
                {
                    await writer.WriteAsync(stored.Person, written.Person, cancellationToken).ConfigureAwait(false);
                }

                refreshed++;
                break;
            }
        }

        return new RefreshParticipantStatusesResult(due.Count, refreshed, unchanged, failures, continuation);
    }
}
