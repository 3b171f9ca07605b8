using Microsoft.Data.Sqlite;

namespace Ecf.Storage.Sqlite;

/// <summary>
/// One open connection and its prepared commands, keyed by SQL text. Microsoft.Data.Sqlite prepares a command's statements on
/// first execution and keeps them while the command lives, so reusing commands skips SQL parsing. Not thread-safe: one user at a time.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private const int MaxCachedCommands = 256;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteSession(string connectionString, bool writer)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        using var pragma = Connection.CreateCommand();
        // A page cache large enough for the indexes of a working set. No memory map: measured side by side, reads through
        // mmap cost more CPU and memory for the GIAS import and gave slower participant lists at 350,000 people (docs/perf.md).
        const string common = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";
        pragma.CommandText = writer
            ? "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536; " + common
            : "PRAGMA cache_size=-16384; " + common;
        pragma.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    /// <summary>A cached command; its parameters (created once, in this order) are positional: set <c>Parameters[i].Value</c>.</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            return command;
        }

        if (_commands.Count >= MaxCachedCommands)
        {
            ClearCommands();
        }

        command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        _commands.Add(sql, command);
        return command;
    }

    public int Execute(string sql)
    {
        return Command(sql).ExecuteNonQuery();
    }

    public void Dispose()
    {
        ClearCommands();
        Connection.Dispose();
    }

    private void ClearCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
