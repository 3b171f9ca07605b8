namespace Ecf.TestKit;

/// <summary>A database path in a fresh temporary folder, deleted with the folder on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    /// <param name="fileName">The database file's path inside the folder; its folders are not created (the store creates them).</param>
    public TempDatabase(string fileName = "store.db")
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecf-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, fileName);
    }

    public string Folder { get; }

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
            // A child process may still hold the file for a moment; the OS cleans its temp folder later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
