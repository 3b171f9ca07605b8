namespace Ecf.Orchestrations.Statuses;

/// <summary>The custom status while the refresh runs: batches done, people read, refreshed and failed so far.</summary>
public sealed record ParticipantStatusRefreshStatus(string Phase, int Batches, int Read, int Refreshed, int Failed);
