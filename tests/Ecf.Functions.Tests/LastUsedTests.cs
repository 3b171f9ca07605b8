using System.Net;
using System.Net.Http.Headers;
using Ecf.Application.Storage;
using Ecf.Application.Tokens;
using Ecf.Functions.Sandbox;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;
using Ecf.TestKit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Functions.Tests;

/// <summary>
/// last_used_at is written at most once per five minutes per token, on the real clock (moved here under the app's clock): a
/// request's sandbox date does not touch it.
/// </summary>
public sealed class LastUsedTests : IClassFixture<LastUsedTests.Factory>
{
    private static readonly DateTimeOffset Start = new(2031, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Factory _factory;

    public LastUsedTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task VerifyToken_UsedAgainWithinFiveMinutes_WritesLastUsedOnceThenAgainAfter()
    {
        var token = await _factory.CreateTokenAsync(ApiRoles.Finance);
        var before = await ReadAsync(token);
        Assert.Null(before.Document.LastUsedAt);

        await GetHealthAtAsync(token, Start);
        var first = await ReadAsync(token);

        await GetHealthAtAsync(token, Start.AddSeconds(30));
        await GetHealthAtAsync(token, Start.AddMinutes(5).AddSeconds(-1));
        var within = await ReadAsync(token);

        await GetHealthAtAsync(token, Start.AddMinutes(5));
        var after = await ReadAsync(token);

        Assert.Equal(Start, first.Document.LastUsedAt);
        Assert.Equal(Start, within.Document.LastUsedAt);
        Assert.Equal(first.ETag, within.ETag);
        Assert.Equal(Start.AddMinutes(5), after.Document.LastUsedAt);
        Assert.NotEqual(within.ETag, after.ETag);
    }

    [Fact]
    public async Task VerifyToken_RequestWithASandboxDate_RecordsTheRealTime()
    {
        var token = await _factory.CreateTokenAsync(ApiRoles.Finance);
        _factory.Clock.SetUtcNow(Start.AddDays(10));

        await GetHealthAtAsync(token, Start.AddDays(10), sandboxDate: "2040-01-01T00:00:00Z");

        Assert.Equal(Start.AddDays(10), (await ReadAsync(token)).Document.LastUsedAt);
    }

    private async Task GetHealthAtAsync(string token, DateTimeOffset at, string? sandboxDate = null)
    {
        _factory.Clock.SetUtcNow(at);
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (sandboxDate is not null)
        {
            client.DefaultRequestHeaders.Add("X-With-Server-Date", sandboxDate);
        }

        using var response = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The app with its process clock under the test's hand.</summary>
    public sealed class Factory : EcfAppFactory
    {
        public Factory() => ConfigureServices = services =>
        {
            services.RemoveAll<SandboxTimeProvider>();
            services.AddSingleton(new SandboxTimeProvider(Clock));
        };

        public TestClock Clock { get; } = new(Start);
    }

    private async Task<(ApiTokenDocument Document, string ETag)> ReadAsync(string token)
    {
        var digest = ApiTokenDigester.ToHex(_factory.Services.GetRequiredService<ApiTokenDigester>().Digest(token));
        var stored = await _factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.Reference)
            .ReadAsync(ApiTokenDocument.PartitionKind, ApiTokenDocument.IdFor(digest));
        Assert.NotNull(stored);
        return (stored.As<ApiTokenDocument>(), stored.ETag);
    }
}
