using System.ComponentModel.DataAnnotations;

namespace Ecf.Application.ProviderViews;

/// <summary>The change-feed projector (section <c>ProviderViews</c>).</summary>
public sealed class ProviderViewProjectorOptions
{
    public const string SectionName = "ProviderViews";

    /// <summary>Run the projector in this process.</summary>
    public bool ProjectorEnabled { get; set; } = true;

    /// <summary>Seconds between reads of the change feed once it is drained.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;
}
