using System.Text.RegularExpressions;

namespace Ecf.LocalRuntime;

/// <summary>
/// The local durable task hub (section <c>LocalDurable</c>): where its state lives (an Azure Storage account, Azurite locally),
/// the task hub's name in it, how soon a crashed host's messages become visible again, and the loopback port of the sidecar.
/// </summary>
public sealed partial class LocalDurableOptions
{
    public const string SectionName = "LocalDurable";

    /// <summary>
    /// Where the task hub's state lives: <see cref="LocalDurableBackend.Azurite"/> (the default: an Azurite this process starts,
    /// see <see cref="Azurite"/>), <see cref="LocalDurableBackend.AzureStorage"/> (the account of
    /// <see cref="StorageConnectionString"/>) or <see cref="LocalDurableBackend.InMemory"/> (nothing survives the process; tests).
    /// </summary>
    public LocalDurableBackend Backend { get; set; } = LocalDurableBackend.Azurite;

    /// <summary>The Azurite the local host starts when <see cref="Backend"/> is <see cref="LocalDurableBackend.Azurite"/>.</summary>
    public AzuriteOptions Azurite { get; set; } = new();

    /// <summary>An Azure Storage connection string, for <see cref="LocalDurableBackend.AzureStorage"/>.</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The task hub: prefix of its queues, tables and blob containers (3 to 45 letters and digits, a letter first).</summary>
    public string TaskHubName { get; set; } = "EcfLocal";

    /// <summary>
    /// Control-queue and work-item visibility timeout: a message a host took and never finished (killed) is delivered again
    /// after this. DurableTask.AzureStorage's default is 5 minutes; locally 20 seconds, so a restart resumes within seconds.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest wait between two polls of an idle queue (DurableTask.AzureStorage backs off up to this). Its default of
    /// 30 seconds would let a start after a quiet spell wait that long locally; Azurite on loopback takes 1 second easily.
    /// </summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The sidecar's loopback port (HTTP/2, gRPC); 0 takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>The problems with these settings, each naming its setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Backend == LocalDurableBackend.AzureStorage && string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            problems.Add($"{SectionName}:{nameof(StorageConnectionString)} is required.");
        }

        if (TaskHubName is null || !TaskHubNamePattern().IsMatch(TaskHubName))
        {
            problems.Add($"{SectionName}:{nameof(TaskHubName)} must be 3 to 45 letters and digits starting with a letter (was '{TaskHubName}').");
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout > TimeSpan.FromDays(7))
        {
            problems.Add($"{SectionName}:{nameof(VisibilityTimeout)} must be between 1 second and 7 days (was {VisibilityTimeout}).");
        }

        if (MaxPollingInterval < TimeSpan.FromMilliseconds(100) || MaxPollingInterval > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{SectionName}:{nameof(MaxPollingInterval)} must be between 100 milliseconds and 5 minutes (was {MaxPollingInterval}).");
        }

        if (!Enum.IsDefined(Backend))
        {
            problems.Add($"{SectionName}:{nameof(Backend)} must be Azurite, AzureStorage or InMemory.");
        }

        if (Backend == LocalDurableBackend.Azurite)
        {
            if (string.IsNullOrWhiteSpace(Azurite.DataDirectory))
            {
                problems.Add($"{SectionName}:Azurite:{nameof(AzuriteOptions.DataDirectory)} is required.");
            }

            foreach (var (name, port) in new[] { ("BlobPort", Azurite.BlobPort), ("QueuePort", Azurite.QueuePort), ("TablePort", Azurite.TablePort) })
            {
                if (port is < 0 or > 65535)
                {
                    problems.Add($"{SectionName}:Azurite:{name} must be 0 (a free port) or a TCP port (was {port}).");
                }
            }
        }

        if (Port is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:{nameof(Port)} must be 0 (a free port) or a TCP port (was {Port}).");
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$", RegexOptions.CultureInvariant)]
    private static partial Regex TaskHubNamePattern();
}

public enum LocalDurableBackend
{
    Azurite,
    AzureStorage,
    InMemory,
}

/// <summary>
/// The Azurite of the local run: its data folder (relative paths resolve against the repository root) and its ports, by default
/// Azurite's own (10000 to 10002), so <c>UseDevelopmentStorage=true</c> reaches it; 0 takes a free port.
/// </summary>
public sealed class AzuriteOptions
{
    public string DataDirectory { get; set; } = ".data/azurite";

    public int BlobPort { get; set; } = 10000;

    public int QueuePort { get; set; } = 10001;

    public int TablePort { get; set; } = 10002;
}
