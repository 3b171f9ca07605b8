using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.TestKit;

namespace Ecf.Functions.Tests.Edge;

/// <summary>
/// The app run as <c>./ecf</c> runs it (<c>dotnet run --project functions/Ecf.Functions -- args</c>, so with its launch profile),
/// without building again, from the repository root, in a process of its own on a temporary data folder. Disposing kills it
/// and its children and deletes the folder (unless the folder was given: then it stays, to restart an app on the same data).
/// </summary>
public sealed class EcfProcess : IAsyncDisposable
{
    /// <summary>Settings that choose an address, cleared from what the child inherits so each test says its own.</summary>
    private static readonly string[] AddressVariables = ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private readonly string _dataDirectory;
    private readonly bool _ownsDirectory;

    private EcfProcess(Process process, string dataDirectory, bool ownsDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="dataDirectory">The data folder (store, files, local tokens) to run on; a new temporary one when null.</param>
    public static EcfProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null, string? dataDirectory = null)
    {
        var data = dataDirectory ?? EcfAppFactory.CreateTempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["run", "--project", Path.Combine(TestPaths.RepositoryRoot, "functions", "Ecf.Functions"), "-c", BuildConfiguration, "--no-build", "--", .. args])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in AddressVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(data, "ecf.db");
        start.Environment["Files__Provider"] = "Local";
        start.Environment["Files__Root"] = Path.Combine(data, "files");
        start.Environment["LocalTokens__Enabled"] = "true";
        start.Environment["LocalTokens__File"] = Path.Combine(data, "local-tokens.json");
        start.Environment["Gias__ImportOnFirstStart"] = "false";
        // The real local run: the durable task hub on an Azurite of its own, on free ports, with its data in the test's folder.
        start.Environment["LocalDurable__Azurite__DataDirectory"] = Path.Combine(data, "azurite");
        start.Environment["LocalDurable__Azurite__BlobPort"] = "0";
        start.Environment["LocalDurable__Azurite__QueuePort"] = "0";
        start.Environment["LocalDurable__Azurite__TablePort"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new EcfProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet run."), data, dataDirectory is null);
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The exit code, once the process ends by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process did not exit within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="baseAddress"/> answers HTTP (any status) and returns the health response.</summary>
    public async Task<HttpResponseMessage> WaitUntilServingAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(_process.HasExited, $"The process exited ({(_process.HasExited ? _process.ExitCode : 0)}) before serving. Output:\n{Output}");
            try
            {
                return await client.GetAsync("/api/health");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>The local token of a role (of a lead provider, by name, for <c>lead_provider</c>), from the file the app writes on start.</summary>
    public string LocalToken(string role, string? leadProvider = null)
    {
        using var tokens = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dataDirectory, "local-tokens.json")));
        return tokens.RootElement.EnumerateArray()
            .First(t => t.GetProperty("role").GetString() == role && (leadProvider is null || t.GetProperty("lead_provider").GetString() == leadProvider))
            .GetProperty("token").GetString()!;
    }

    /// <summary>SIGKILL of the process and its children (no cleanup, no flush); returns the exit code (137).</summary>
    public async Task<int> KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_ownsDirectory)
        {
            EcfAppFactory.DeleteDirectory(_dataDirectory);
        }
    }

    /// <summary>The configuration this test assembly was built in; the app was built with it (one solution build).</summary>
    private static string BuildConfiguration =>
        typeof(EcfProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.AppendLine(line);
        }
    }
}
