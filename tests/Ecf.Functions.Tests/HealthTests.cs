using System.Net;
using Ecf.Application.ReferenceData;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Ecf.Functions.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_ReferenceDataNotLoaded_Returns503Unhealthy()
    {
        var referenceData = new Mock<IReferenceData>();
        referenceData.Setup(r => r.IsLoadedAsync(It.IsAny<CancellationToken>())).ReturnsAsync(false);
        using var factory = new EcfAppFactory { ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton(referenceData.Object)) };
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("store").GetProperty("reachable").GetBoolean());
        Assert.False(body.GetProperty("referenceData").GetProperty("loaded").GetBoolean());
    }

    [Fact]
    public async Task Health_StoreDoesNotAnswerPing_Returns503Unhealthy()
    {
        using var factory = new EcfAppFactory
        {
            ConfigureServices = services =>
            {
                var real = services.Single(d => d.ServiceType == typeof(IDocumentStore));
                services.Remove(real);
                services.AddSingleton<IDocumentStore>(provider => new PingFailingStore((IDocumentStore)real.ImplementationFactory!(provider)));
            },
        };
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("store").GetProperty("reachable").GetBoolean());
    }

    /// <summary>The real store, except that it reports itself unreachable.</summary>
    private sealed class PingFailingStore(IDocumentStore inner) : IDocumentStore
    {
        public string Kind => inner.Kind;

        public Task EnsureContainersAsync(IEnumerable<ContainerDefinition> containers, CancellationToken cancellationToken = default) =>
            inner.EnsureContainersAsync(containers, cancellationToken);

        public IDocumentContainer GetContainer(string name) => inner.GetContainer(name);

        public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
