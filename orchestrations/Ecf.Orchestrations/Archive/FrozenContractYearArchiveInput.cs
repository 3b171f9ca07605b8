using System.Text.Json.Serialization;
using Ecf.Application.Archive;

namespace Ecf.Orchestrations.Archive;

/// <summary>
/// The input of <c>FrozenContractYearArchive</c>: the body of <c>POST /api/orchestrations/FrozenContractYearArchive</c>
/// (<c>{"contract_year": 2022, "dry_run": true}</c>), plus the state carried across ContinueAsNew generations.
/// </summary>
public sealed record FrozenContractYearArchiveInput
{
    public const int DefaultPageSize = 200;
    public const int DefaultBatchesPerGeneration = 20;

    /// <summary>What may be given from outside: the year, whether it is a dry run, and the page size.</summary>
    public static InputShape Shape { get; } = new(
        InputField.WholeNumber("contract_year", 1, 9999),
        InputField.Flag("dry_run"),
        InputField.WholeNumber("page_size", 1, ArchiveFrozenContractYearHandler.MaxPageSize, orNull: true));

    /// <summary>The payments-frozen contract year to archive (required).</summary>
    [JsonPropertyName("contract_year")]
    public int? ContractYear { get; init; }

    /// <summary>Only list the candidates (the default); an explicit <c>false</c> archives them.</summary>
    [JsonPropertyName("dry_run")]
    public bool? DryRun { get; init; }

    /// <summary>People per batch (one activity each), 1 to 500; default 200.</summary>
    [JsonPropertyName("page_size")]
    public int? PageSize { get; init; }

    /// <summary>Batches before the history is cut with ContinueAsNew (not settable over HTTP).</summary>
    public int? BatchesPerGeneration { get; init; }

    /// <summary>Set once the year has been checked (the first generation).</summary>
    public bool Checked { get; init; }

    /// <summary>The phase the next batch runs (<see cref="ArchivePhases"/>); null before the first.</summary>
    public string? Phase { get; init; }

    /// <summary>Where the next batch of <see cref="Phase"/> starts.</summary>
    public string? Continuation { get; init; }

    public FrozenContractYearArchiveTotals Totals { get; init; } = new();
}
