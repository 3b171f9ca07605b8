using System.ComponentModel.DataAnnotations;

namespace Ecf.Storage;

/// <summary>Which document store the process uses, and how to reach it. Section <c>Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded, the local default) or <c>Cosmos</c>.</summary>
    [Required]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public CosmosStorageOptions Cosmos { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(Sqlite.Path))
        {
            yield return new ValidationResult("Storage:Sqlite:Path must name the database file.", ["Storage:Sqlite:Path"]);
        }

        if (Provider == StorageProvider.Cosmos)
        {
            if (!Uri.TryCreate(Cosmos.Endpoint, UriKind.Absolute, out _))
            {
                yield return new ValidationResult("Storage:Cosmos:Endpoint must be an absolute URL.", ["Storage:Cosmos:Endpoint"]);
            }

            if (string.IsNullOrWhiteSpace(Cosmos.Database))
            {
                yield return new ValidationResult("Storage:Cosmos:Database must be set.", ["Storage:Cosmos:Database"]);
            }

            if (!Cosmos.UseManagedIdentity && string.IsNullOrWhiteSpace(Cosmos.Key))
            {
                yield return new ValidationResult("Storage:Cosmos:Key must be set unless Storage:Cosmos:UseManagedIdentity is true.", ["Storage:Cosmos:Key"]);
            }
        }
    }
}

public enum StorageProvider
{
    Sqlite,
    Cosmos,
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; created with its folder when missing.</summary>
    public string Path { get; set; } = ".data/ecf.db";
}

public sealed class CosmosStorageOptions
{
    public string Endpoint { get; set; } = "";

    /// <summary>Account key; leave empty with <see cref="UseManagedIdentity"/>.</summary>
    public string? Key { get; set; }

    public bool UseManagedIdentity { get; set; }

    public string Database { get; set; } = "ecf";

    /// <summary>
    /// Gateway mode limited to the endpoint, and the server's self-signed certificate accepted, only when the endpoint is
    /// on loopback (the local Cosmos-protocol server used by tests). Ignored for any other host.
    /// </summary>
    public bool TrustLoopbackCertificate { get; set; }
}
