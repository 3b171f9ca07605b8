using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Ecf.Storage.Cosmos;
using Ecf.TestKit;

namespace Ecf.Storage.Tests.Cosmos;

/// <summary>
/// Starts the pinned Cosmos-protocol server (<c>@vercel/cosmosdb-server</c> from <c>infra/local</c>) with node on 127.0.0.1 and a
/// port the operating system picks, waits until it answers, and kills it with its process tree on dispose. The server keeps its data
/// in memory, so every run starts empty. It does not install anything: <c>./test.sh</c> runs <c>npm ci --prefix infra/local</c>.
/// </summary>
public sealed partial class CosmosServerFixture : IAsyncLifetime
{
    /// <summary>Any base64 string: the server does not check signatures, but the SDK signs every request with the key.</summary>
    public const string Key = "bG9jYWwtY29zbW9zLXNlcnZlci1rZXktZm9yLXRlc3Rz";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;
    private CosmosDocumentStore? _store;

    /// <summary>The server's endpoint, e.g. <c>https://127.0.0.1:40123/</c>.</summary>
    public Uri Endpoint { get; private set; } = new("https://127.0.0.1/");

    /// <summary>A store on its own database (unique per fixture), shared by the tests of a class; containers are unique per test.</summary>
    public CosmosDocumentStore Store => _store ?? throw new InvalidOperationException("The server is started in InitializeAsync.");

    /// <summary>Options for a store on <paramref name="database"/> of this server.</summary>
    public CosmosStorageOptions Options(string database) => new()
    {
        Endpoint = Endpoint.ToString(),
        Key = Key,
        Database = database,
        TrustLoopbackCertificate = true,
    };

    public async Task InitializeAsync()
    {
        var root = TestPaths.RepositoryRoot;
        var cli = Path.Combine(root, "infra", "local", "node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Cosmos-protocol server is not installed ({cli} is missing): run npm ci --prefix infra/local (./test.sh does).");
        }

        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "--host", "127.0.0.1", "--port", "0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(cli)!,
        };
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data, ready);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data, null);
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The Cosmos-protocol server exited before it was ready:\n{Output()}"));
        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Could not start node (Node 20 must be on the PATH) for the Cosmos-protocol server.", ex);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        int port;
        try
        {
            port = await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"The Cosmos-protocol server did not report ready within {StartTimeout.TotalSeconds} s:\n{Output()}", ex);
        }

        Endpoint = new Uri($"https://127.0.0.1:{port}/");
        _store = new CosmosDocumentStore(Options("db" + Guid.NewGuid().ToString("N")[..12]), loggerFactory: null, CosmosServerWorkarounds.Apply);
        await WaitUntilAnsweringAsync(_store);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }
    }

    /// <summary>What the server printed (for failure messages).</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private void OnOutput(string? line, TaskCompletionSource<int>? ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ready is not null && ReadyLine().Match(line) is { Success: true } match)
        {
            ready.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilAnsweringAsync(CosmosDocumentStore store)
    {
        var deadline = Stopwatch.StartNew();
        while (!await store.PingAsync())
        {
            if (deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"The Cosmos-protocol server at {Endpoint} does not answer:\n{Output()}");
            }

            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"Ready to accept HTTPS connections at 127\.0\.0\.1:(\d+)")]
    private static partial Regex ReadyLine();
}
