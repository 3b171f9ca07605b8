using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;

namespace Ecf.Storage.Tests.Crash;

/// <summary>
/// Every write the embedded store acknowledged survives a SIGKILL of the writing process (WAL, synchronous=NORMAL), and the
/// file stays sound. The writer is Ecf.Storage.CrashWriter, started with <c>dotnet</c> and killed after some acknowledgements.
/// </summary>
public sealed class SqliteCrashDurabilityTests : IDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(120);
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(40)]
    [InlineData(300)]
    [InlineData(900)]
    public async Task KillDuringWrites_Reopen_EveryAcknowledgedWriteIsPresentAndFileIsSound(int killAfterAcks)
    {
        var created = new List<(string Pk, string Id)>();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);

        await RunAndKillAsync(killAfterAcks, line =>
        {
            var parts = line.Split(' ');
            if (parts is ["c", var pk, var id, "."])
            {
                created.Add((pk, id));
            }
            else if (parts is ["r", var counterPk, var version, "."])
            {
                counters[counterPk] = Math.Max(counters.GetValueOrDefault(counterPk), int.Parse(version, System.Globalization.CultureInfo.InvariantCulture));
            }
        });

        Assert.True(created.Count >= killAfterAcks * 2 / 3, $"Only {created.Count} acknowledgements arrived.");
        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([new ContainerDefinition("crash", "/pk", ["value"])]);
        var container = store.GetContainer("crash");
        Assert.Equal("ok", await store.CheckIntegrityAsync());
        foreach (var (pk, id) in created)
        {
            var document = await container.ReadAsync(pk, id);
            Assert.True(document is not null, $"Acknowledged document {pk}/{id} is missing after the kill.");
            using var json = JsonDocument.Parse(document.Json);
            Assert.Equal(id + "-value", json.RootElement.GetProperty("value").GetString());
        }

        foreach (var (pk, version) in counters)
        {
            var counter = await container.ReadAsync(pk, "counter");
            using var json = JsonDocument.Parse(counter!.Json);
            Assert.True(json.RootElement.GetProperty("version").GetInt32() >= version, $"Counter of {pk} lost acknowledged version {version}.");
        }

        // The reopened store keeps working: new writes get ETags that no acknowledged document has.
        var after = await container.CreateAsync("w0", "after", Encoding.UTF8.GetBytes("""{"id":"after","pk":"w0"}"""));
        Assert.NotNull(after.ETag);
    }

    private async Task RunAndKillAsync(int killAfterAcks, Action<string> onAck)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CrashWriterPath());
        start.ArgumentList.Add(_temp.Path);
        start.ArgumentList.Add("4");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash writer.");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(AckTimeout);
        try
        {
            var acks = 0;
            while (acks < killAfterAcks)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    Assert.Fail($"The crash writer exited early ({process.ExitCode}): {await errors}");
                }

                onAck(line);
                acks++;
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);

            // Lines already in the pipe were printed after their write returned: they are acknowledgements too.
            // A line cut by the kill lacks its trailing " ." and is ignored by the parser.
            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            foreach (var line in rest.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                onAck(line);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>The crash writer's dll, built beside this project (same configuration and framework) through the project reference.</summary>
    private static string CrashWriterPath()
    {
        var testOutput = AppContext.BaseDirectory;
        var candidate = Path.GetFullPath(testOutput.Replace(
            Path.Combine("tests", "Ecf.Storage.Tests", "bin"), Path.Combine("tests", "Ecf.Storage.CrashWriter", "bin"), StringComparison.Ordinal));
        var dll = Path.Combine(candidate, "Ecf.Storage.CrashWriter.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Ecf.Storage.CrashWriter first; looked for {dll}.");
    }
}
