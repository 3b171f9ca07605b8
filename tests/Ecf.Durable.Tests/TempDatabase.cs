namespace Ecf.Durable.Tests;

/// <summary>A database path in a fresh temporary folder, deleted with the folder on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecf-durable-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, "durable.db");
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
            // A child process may still hold the file for a moment.
        }
    }
}
