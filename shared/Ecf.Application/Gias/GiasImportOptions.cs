using System.ComponentModel.DataAnnotations;

namespace Ecf.Application.Gias;

/// <summary>Options of the GIAS import (section <c>Gias</c>).</summary>
public sealed class GiasImportOptions
{
    public const string SectionName = "Gias";

    /// <summary>The extract imported when a run names none (a local path, relative to the content root, or an http(s) URL).</summary>
    [Required]
    public string Extract { get; set; } = "data/gias/edubasealldata.csv";

    /// <summary>The links file imported when a run names none.</summary>
    [Required]
    public string Links { get; set; } = "data/gias/links.csv";

    /// <summary>Rows per batch activity.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>Batches an orchestration generation runs before ContinueAsNew (keeps history short).</summary>
    [Range(1, 1000)]
    public int BatchesPerGeneration { get; set; } = 10;

    /// <summary>Parallel point reads per batch when comparing with stored schools.</summary>
    [Range(1, 64)]
    public int ReadParallelism { get; set; } = 8;

    /// <summary>In local mode, import the default files once when the schools container is empty.</summary>
    public bool ImportOnFirstStart { get; set; }

    /// <summary>Base folder for relative paths (set by the host to its content root).</summary>
    public string? BasePath { get; set; }
}
