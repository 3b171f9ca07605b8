using System.Collections.Concurrent;

namespace Ecf.Storage.Sqlite;

/// <summary>Reader sessions handed out one per read, so reads run in parallel and never wait for the writer (WAL).</summary>
internal sealed class SqliteReaderPool : IDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private readonly string _connectionString;
    private volatile bool _disposed;

    public SqliteReaderPool(string connectionString)
    {
        _connectionString = connectionString;
    }

    public SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idle.TryTake(out var session) ? session : new SqliteSession(_connectionString, writer: false);
    }

    public void Return(SqliteSession session)
    {
        if (_disposed || _idle.Count >= MaxIdle)
        {
            session.Dispose();
            return;
        }

        _idle.Add(session);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
