using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Ecf.Storage.Files;

/// <summary>Where files are kept. Section <c>Files</c>.</summary>
public sealed partial class FileStoreOptions : IValidatableObject
{
    public const string SectionName = "Files";

    /// <summary><c>Blob</c> (Azure Blob storage, Azurite locally; the default) or <c>Local</c> (a folder).</summary>
    public FileStoreProvider Provider { get; set; } = FileStoreProvider.Blob;

    /// <summary>The folder of <see cref="LocalFileStore"/>; created when missing.</summary>
    public string Root { get; set; } = ".data/files";

    public BlobFileStoreOptions Blob { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult("Files:Provider must be Blob or Local.", ["Files:Provider"]);
        }

        if (Provider == FileStoreProvider.Local && string.IsNullOrWhiteSpace(Root))
        {
            yield return new ValidationResult("Files:Root must name the folder of the local file store.", ["Files:Root"]);
        }

        if (Provider == FileStoreProvider.Blob)
        {
            if (string.IsNullOrWhiteSpace(Blob.ConnectionString) && string.IsNullOrWhiteSpace(Blob.AccountUrl))
            {
                yield return new ValidationResult(
                    "Files:Blob:ConnectionString or Files:Blob:AccountUrl must be set (or AzureWebJobsStorage, used when both are empty).",
                    ["Files:Blob:ConnectionString"]);
            }

            if (!string.IsNullOrWhiteSpace(Blob.AccountUrl) && string.IsNullOrWhiteSpace(Blob.ConnectionString)
                && !(Uri.TryCreate(Blob.AccountUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            {
                yield return new ValidationResult($"Files:Blob:AccountUrl must be an absolute http(s) URL (was '{Blob.AccountUrl}').", ["Files:Blob:AccountUrl"]);
            }

            if (Blob.ContainerName is null || !ContainerNamePattern().IsMatch(Blob.ContainerName))
            {
                yield return new ValidationResult(
                    $"Files:Blob:ContainerName must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (was '{Blob.ContainerName}').",
                    ["Files:Blob:ContainerName"]);
            }
        }
    }

    // Azure's container naming rules.
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();
}

public enum FileStoreProvider
{
    Blob,
    Local,
}

/// <summary>The Blob storage account and container of <see cref="BlobFileStore"/>. Section <c>Files:Blob</c>.</summary>
public sealed class BlobFileStoreOptions
{
    /// <summary>
    /// A storage connection string (Azurite's locally: <c>UseDevelopmentStorage=true</c> or one naming its ports). When this and
    /// <see cref="AccountUrl"/> are empty, the app's <c>AzureWebJobsStorage</c> connection is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint (<c>https://&lt;account&gt;.blob.core.windows.net</c>), reached with the app's managed
    /// identity (<c>DefaultAzureCredential</c>); used when <see cref="ConnectionString"/> is empty.</summary>
    public string? AccountUrl { get; set; }

    /// <summary>The container holding the files; created when missing.</summary>
    public string ContainerName { get; set; } = "ecf-files";
}
