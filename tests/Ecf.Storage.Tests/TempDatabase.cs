namespace Ecf.Storage.Tests;

/// <summary>A database path in a fresh temporary folder, deleted with the folder on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecf-storage-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, "db", "store.db");
    }

    public string Folder { get; }

    /// <summary>The database file; its folder does not exist yet (the store creates it).</summary>
    public string Path { get; }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A child process may still hold the file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
