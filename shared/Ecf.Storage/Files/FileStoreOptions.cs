using System.ComponentModel.DataAnnotations;

namespace Ecf.Storage.Files;

/// <summary>Where files are kept. Section <c>Files</c>.</summary>
public sealed class FileStoreOptions
{
    public const string SectionName = "Files";

    /// <summary>The folder of <see cref="LocalFileStore"/>; created when missing.</summary>
    [Required]
    public string Root { get; set; } = ".data/files";
}
