using System.Net;
using System.Net.Sockets;

namespace Ecf.LocalRuntime;

/// <summary>Free TCP ports on 127.0.0.1, and waiting for a port to accept connections.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports that were free a moment ago: all are held open together, then released, so
    /// they differ from each other. Another process may still take one before the caller binds it (rare on loopback).
    /// </summary>
    public static IReadOnlyList<int> Free(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }

    /// <summary>Whether something on 127.0.0.1 accepts a TCP connection on <paramref name="port"/> now.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
