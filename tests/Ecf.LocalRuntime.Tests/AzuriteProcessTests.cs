namespace Ecf.LocalRuntime.Tests;

public sealed class AzuriteProcessTests
{
    [Fact]
    public void ConnectionStringFor_Ports_NamesEachServiceOnLoopbackWithTheEmulatorAccount()
    {
        // Act
        var connection = AzuriteProcess.ConnectionStringFor(new AzuritePorts(41000, 41001, 41002));

        // Assert
        Assert.Equal(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteProcess.AccountKey + ";" +
            "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;" +
            "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;",
            connection);
    }

    [Fact]
    public async Task StartAsync_ThenDispose_ListensOnTheThreePortsThenStopsAndFreesThem()
    {
        // Arrange
        var data = Path.Combine(Path.GetTempPath(), "ecf-azurite-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Act
            var azurite = await AzuriteProcess.StartAsync(data);
            var ports = new[] { azurite.Ports.Blob, azurite.Ports.Queue, azurite.Ports.Table };
            var listening = await Task.WhenAll(ports.Select(p => LoopbackPorts.AcceptsAsync(p)));
            await azurite.DisposeAsync();
            var afterStop = await Task.WhenAll(ports.Select(p => LoopbackPorts.AcceptsAsync(p)));

            // Assert
            Assert.All(listening, Assert.True);
            Assert.True(azurite.HasExited);
            Assert.All(afterStop, Assert.False);
            Assert.True(Directory.EnumerateFileSystemEntries(data).Any());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
