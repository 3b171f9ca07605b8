using System.Diagnostics;

namespace Ecf.TestKit;

/// <summary>
/// A test host program as a real child process (<c>dotnet &lt;dll&gt; &lt;arguments&gt;</c>), for crash tests. The program
/// prints <c>ready</c> once started, then one line per event it reports; the test waits for the n-th line with a prefix and
/// kills the process with SIGKILL (no cleanup, no flush).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _failOn;
    private readonly Task _reader;
    private readonly Task<string> _errors;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Prefix, int Count, TaskCompletionSource Reached)> _waiters = [];
    private Exception? _failure;

    private ChildProcess(Process process, string? failOn)
    {
        _process = process;
        _failOn = failOn;
        _errors = process.StandardError.ReadToEndAsync();
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>
    /// Starts <paramref name="dll"/> and waits for its <c>ready</c> line. A line starting with <paramref name="failOn"/> (or the
    /// process exiting) fails every wait, so a test fails fast rather than wait for lines that will never come.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(string dll, IEnumerable<string> arguments, string? failOn = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}."), failOn);
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

    /// <summary>
    /// The dll of the program <paramref name="hostProject"/> under tests/, built beside <paramref name="testProject"/> (same
    /// configuration and framework) through a project reference without its assembly.
    /// </summary>
    public static string BuiltBeside(string testProject, string hostProject)
    {
        var folder = Path.GetFullPath(AppContext.BaseDirectory.Replace(
            Path.Combine("tests", testProject, "bin"), Path.Combine("tests", hostProject, "bin"), StringComparison.Ordinal));
        var dll = Path.Combine(folder, hostProject + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/{hostProject} first; looked for {dll}.");
    }

    /// <summary>The lines reported so far that start with <paramref name="prefix"/>, without it.</summary>
    public IReadOnlyList<string> Lines(string prefix)
    {
        lock (_lock)
        {
            return [.. _lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..])];
        }
    }

    /// <summary>Completes once <paramref name="count"/> lines starting with <paramref name="prefix"/> have been reported.</summary>
    public Task WaitForLinesAsync(string prefix, int count, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) >= count)
            {
                return Task.CompletedTask;
            }

            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((prefix, count, reached));
            return reached.Task.WaitAsync(timeout);
        }
    }

    /// <summary>SIGKILL of the process and its children; returns the exit code (137).</summary>
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

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>What the child wrote to standard error; complete once it has exited.</summary>
    public async Task<string> ErrorsAsync() => _process.HasExited ? await _errors : "(still running)";

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
                continue;
            }

            if (_failOn is not null && line.StartsWith(_failOn, StringComparison.Ordinal))
            {
                Fail(new InvalidOperationException($"The child process reported: {line}"));
            }

            lock (_lock)
            {
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => _lines.Count(l => l.StartsWith(w.Prefix, StringComparison.Ordinal)) >= w.Count).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        var exited = new InvalidOperationException($"The child process exited: {await _errors}");
        _ready.TrySetException(exited);
        Fail(exited);
    }

    private void Fail(Exception exception)
    {
        lock (_lock)
        {
            _failure ??= exception;
            foreach (var waiter in _waiters)
            {
                waiter.Reached.TrySetException(exception);
            }

            _waiters.Clear();
        }
    }
}
