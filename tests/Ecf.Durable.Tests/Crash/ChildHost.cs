using System.Diagnostics;

namespace Ecf.Durable.Tests.Crash;

/// <summary>A durable task host in its own process (tests/Ecf.Durable.TestHost) that can be SIGKILLed at a chosen point.</summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _reader;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _activities;

    private ChildHost(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public int Activities => Volatile.Read(ref _activities);

    public bool HasExited => _process.HasExited;

    public static async Task<ChildHost> StartAsync(string databasePath, int leaseMilliseconds, int? killAfterActivities = null, int killDelayMilliseconds = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestHostPath());
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(leaseMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (killAfterActivities is { } killAfter)
        {
            start.ArgumentList.Add(killAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(killDelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test host.");
        var child = new ChildHost(process);
        await child._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return child;
    }

    /// <summary>Completes when the child has finished <paramref name="count"/> activities (or has exited).</summary>
    public Task WaitForActivitiesAsync(int count)
    {
        lock (_lock)
        {
            if (_activities >= count || _process.HasExited)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
    }

    /// <summary>Waits for the process to end (it kills itself at its kill point); returns the exit code (137 after SIGKILL).</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no cleanup, no flush, leases left behind.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await _reader;
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
        }

        var errors = await _process.StandardError.ReadToEndAsync();
        _ready.TrySetException(new InvalidOperationException($"The test host exited before it was ready: {errors}"));
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Reached.TrySetResult();
            }

            _waiters.Clear();
        }
    }

    /// <summary>The test host's dll, built beside this project (same configuration and framework) through the project reference.</summary>
    private static string TestHostPath()
    {
        var candidate = Path.GetFullPath(AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Ecf.Durable.Tests", "bin"), Path.Combine("tests", "Ecf.Durable.TestHost", "bin"), StringComparison.Ordinal));
        var dll = Path.Combine(candidate, "Ecf.Durable.TestHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Ecf.Durable.TestHost first; looked for {dll}.");
    }
}
