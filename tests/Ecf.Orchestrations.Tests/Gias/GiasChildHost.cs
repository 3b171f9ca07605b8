using System.Diagnostics;
using System.Globalization;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// tests/Ecf.Orchestrations.GiasHost as a real child process: the GIAS import on the app's local durable runtime (task hub on
/// Azurite), over the test's store file; it reports each finished batch and can be SIGKILLed mid-run.
/// </summary>
internal sealed class GiasChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _reader;
    private readonly Task<string> _errors;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<int> _batches = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    private GiasChildHost(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The batches (by first row) whose activity had returned in the child, as it reported them.</summary>
    public IReadOnlyList<int> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public static async Task<GiasChildHost> StartAsync(GiasHarness harness, string extract, string links, int batchSize, string instanceId,
        string connectionString, string taskHub, TimeSpan visibilityTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            HostPath(), harness.DatabasePath, harness.FilesFolder, extract, links, batchSize.ToString(CultureInfo.InvariantCulture), instanceId,
            connectionString, taskHub, ((int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var child = new GiasChildHost(Process.Start(start) ?? throw new InvalidOperationException("Could not start the GIAS host."));
        try
        {
            await child._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>Completes when the child has reported <paramref name="count"/> batches; throws if it exits first or times out.</summary>
    public Task WaitForBatchesAsync(int count)
    {
        lock (_lock)
        {
            if (_batches.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
    }

    /// <summary>SIGKILL of the process tree: no cleanup, no flush, messages and leases left behind; returns the exit code (137).</summary>
    public async Task<int> KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _reader;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await _errors;
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("ready", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
            else if (line.StartsWith("end ", StringComparison.Ordinal))
            {
                Fail(new InvalidOperationException($"The instance ended in the GIAS host: {line}"));
            }
            else if (line.StartsWith("b ", StringComparison.Ordinal))
            {
                lock (_lock)
                {
                    _batches.Add(int.Parse(line.AsSpan(2), CultureInfo.InvariantCulture));
                    foreach (var waiter in _waiters.Where(w => w.Count <= _batches.Count).ToList())
                    {
                        waiter.Reached.TrySetResult();
                        _waiters.Remove(waiter);
                    }
                }
            }
        }

        var exited = new InvalidOperationException($"The GIAS host exited: {await _errors}");
        _ready.TrySetException(exited);
        Fail(exited);
    }

    private void Fail(Exception exception)
    {
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Reached.TrySetException(exception);
            }

            _waiters.Clear();
        }
    }

    /// <summary>The host's dll, built beside this project (same configuration and framework) through the project reference.</summary>
    private static string HostPath()
    {
        var candidate = Path.GetFullPath(AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Ecf.Orchestrations.Tests", "bin"), Path.Combine("tests", "Ecf.Orchestrations.GiasHost", "bin"), StringComparison.Ordinal));
        var dll = Path.Combine(candidate, "Ecf.Orchestrations.GiasHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Ecf.Orchestrations.GiasHost first; looked for {dll}.");
    }
}
