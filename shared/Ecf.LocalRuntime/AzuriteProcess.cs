using System.Diagnostics;
using System.Globalization;

namespace Ecf.LocalRuntime;

/// <summary>The three loopback ports of an Azurite process.</summary>
public sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>Three distinct ports free a moment ago.</summary>
    public static AzuritePorts Free()
    {
        var ports = LoopbackPorts.Free(3);
        return new AzuritePorts(ports[0], ports[1], ports[2]);
    }
}

/// <summary>
/// Azurite (the Azure Storage emulator, npm <c>azurite</c> pinned in <c>infra/local</c>) as a child process on 127.0.0.1:
/// blob, queue and table services with their data in one folder. Started by <see cref="StartAsync"/>, which returns once the
/// three ports accept connections; stopped (and its process tree killed if it lingers) on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's fixed account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known account key (published with Azurite; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int OutputLinesKept = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _outputLock = new();
    private int _disposed;

    private AzuriteProcess(Process process, AzuritePorts ports, string dataDirectory)
    {
        _process = process;
        Ports = ports;
        DataDirectory = dataDirectory;
        ConnectionString = ConnectionStringFor(ports);
    }

    public AzuritePorts Ports { get; }

    public string DataDirectory { get; }

    /// <summary>The connection string of the emulator's account on these ports.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the process has ended (always true once disposed).</summary>
    public bool HasExited => Volatile.Read(ref _disposed) != 0 || _process.HasExited;

    public static string ConnectionStringFor(AzuritePorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports.Table}/{AccountName};");
    }

    /// <summary>
    /// Starts Azurite with its data in <paramref name="dataDirectory"/> (created if missing) on the given ports, or three free
    /// ones, and waits until the blob, queue and table ports accept connections.
    /// </summary>
    /// <param name="executable">The <c>azurite</c> launcher; by default the one <c>infra/local</c> installs.</param>
    public static async Task<AzuriteProcess> StartAsync(string dataDirectory, AzuritePorts? ports = null, string? executable = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ports ??= AzuritePorts.Free();
        executable ??= RepositoryFiles.AzuriteExecutable();
        Directory.CreateDirectory(dataDirectory);

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[]
        {
            "--silent", "--location", dataDirectory,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Invariant(ports.Blob), "--queuePort", Invariant(ports.Queue), "--tablePort", Invariant(ports.Table),
            "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var azurite = new AzuriteProcess(process, ports, dataDirectory);
        process.OutputDataReceived += (_, e) => azurite.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What Azurite printed last (start-up lines and errors; requests are not logged).</summary>
    public string RecentOutput()
    {
        lock (_outputLock)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary>Stops Azurite: SIGTERM first so it saves its metadata, then the process tree is killed if still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                await AskToStopAsync().ConfigureAwait(false);
                using var grace = new CancellationTokenSource(GracefulStopTimeout);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Still running: killed below.
                }
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task AskToStopAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var signal = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        signal.ArgumentList.Add("-TERM");
        signal.ArgumentList.Add(Invariant(_process.Id));
        try
        {
            using var kill = Process.Start(signal);
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill command: the process tree is killed instead.
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var pending = new List<int> { Ports.Blob, Ports.Queue, Ports.Table };
        try
        {
            while (pending.Count > 0)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"Azurite exited with code {_process.ExitCode} before listening on {string.Join(", ", pending)}:{Environment.NewLine}{RecentOutput()}");
                }

                foreach (var port in pending.ToList())
                {
                    if (await LoopbackPorts.AcceptsAsync(port, timeout.Token).ConfigureAwait(false))
                    {
                        pending.Remove(port);
                    }
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(100, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Azurite did not listen on {string.Join(", ", pending)} within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput()}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
