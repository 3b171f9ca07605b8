using Ecf.LocalRuntime;
using Xunit;

namespace Ecf.TestKit;

/// <summary>
/// One Azurite on free loopback ports with its data in a fresh temporary folder, started before the tests that share it and
/// stopped (the folder deleted) after them. Use as an <c>ICollectionFixture</c> or <c>IClassFixture</c>; needs
/// <c>npm ci --prefix infra/local</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ecf-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Started in InitializeAsync.");

    /// <summary>The connection string of the emulator's account on this process's ports.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_dataDirectory).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
