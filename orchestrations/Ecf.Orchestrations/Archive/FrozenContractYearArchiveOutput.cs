using Ecf.Application.Archive;

namespace Ecf.Orchestrations.Archive;

/// <summary>
/// The archive run's output: the year, whether it was a dry run, people examined, archived (or, in a dry run, that would be),
/// skipped; then the first 1,000 archived or candidate person ids, the same people with their training record ids and reason,
/// and the first 1,000 skipped people with why. <see cref="Finished"/> counts archive documents of the year checked for leftovers.
/// </summary>
public sealed record FrozenContractYearArchiveOutput(
    int ContractYear,
    bool DryRun,
    int Examined,
    int Archived,
    int WouldArchive,
    int Skipped,
    int Batches,
    int Finished,
    IReadOnlyList<string> PersonIds,
    IReadOnlyList<ArchiveCandidate> Candidates,
    IReadOnlyList<ArchiveSkip> SkippedPeople);

/// <summary>The custom status while the archive runs: the phase, batches done, people examined, archived or candidates, skipped.</summary>
public sealed record FrozenContractYearArchiveStatus(string Phase, int ContractYear, bool DryRun, int Batches, int Examined, int Candidates, int Skipped);

/// <summary>What the year check found: null when the year can be archived, otherwise why not.</summary>
public sealed record FrozenContractYearCheckResult(string? Error);
