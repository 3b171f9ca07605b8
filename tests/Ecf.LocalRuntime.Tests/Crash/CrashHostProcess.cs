using System.Diagnostics;
using System.Globalization;

namespace Ecf.LocalRuntime.Tests.Crash;

/// <summary>tests/Ecf.LocalRuntime.CrashHost as a real child process: counts the activities it reports, can be SIGKILLed.</summary>
internal sealed class CrashHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _reader;
    private readonly Task<string> _errors;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _activities;

    private CrashHostProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _reader = Task.Run(ReadAsync);
    }

    public int Activities => Volatile.Read(ref _activities);

    public static async Task<CrashHostProcess> StartAsync(string connectionString, string taskHub, int visibilitySeconds,
        string directory, string instanceId, int count, string mode)
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
            HostPath(), connectionString, taskHub, visibilitySeconds.ToString(CultureInfo.InvariantCulture), directory, instanceId,
            count.ToString(CultureInfo.InvariantCulture), mode,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var child = new CrashHostProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash host."));
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

    /// <summary>Completes when the child has reported <paramref name="count"/> activities.</summary>
    public Task WaitForActivitiesAsync(int count, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_activities >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(timeout);
        }
    }

    /// <summary>The child's "done" line without the prefix: "&lt;status&gt; &lt;output&gt;".</summary>
    public Task<string> WaitForDoneAsync(TimeSpan timeout) => _done.Task.WaitAsync(timeout);

    /// <summary>SIGKILL of the process and its children: no cleanup, no flush; returns the exit code (137).</summary>
    public async Task<int> KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>What the child wrote to standard error (its warnings and errors); complete once it has exited.</summary>
    public async Task<string> ErrorsAsync() => _process.HasExited ? await _errors : "(still running)";

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await _reader;
        await _errors;
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "ready")
            {
                _ready.TrySetResult();
            }
            else if (line == "a")
            {
                lock (_lock)
                {
                    _activities++;
                    foreach (var waiter in _waiters.Where(w => w.Count <= _activities).ToList())
                    {
                        waiter.Reached.TrySetResult();
                        _waiters.Remove(waiter);
                    }
                }
            }
            else if (line.StartsWith("done ", StringComparison.Ordinal))
            {
                _done.TrySetResult(line["done ".Length..]);
            }
        }

        var exited = new InvalidOperationException($"The crash host exited: {await _errors}");
        _ready.TrySetException(exited);
        _done.TrySetException(exited);
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Reached.TrySetException(exited);
            }

            _waiters.Clear();
        }
    }

    /// <summary>The crash host's dll, built beside this project (same configuration and framework) through the project reference.</summary>
    private static string HostPath()
    {
        var folder = Path.GetFullPath(AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Ecf.LocalRuntime.Tests", "bin"), Path.Combine("tests", "Ecf.LocalRuntime.CrashHost", "bin"), StringComparison.Ordinal));
        var dll = Path.Combine(folder, "Ecf.LocalRuntime.CrashHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Ecf.LocalRuntime.CrashHost first; looked for {dll}.");
    }
}
