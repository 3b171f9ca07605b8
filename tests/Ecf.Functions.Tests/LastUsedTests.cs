using System.Net;
using System.Net.Http.Headers;
using Ecf.Application.Storage;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;

namespace Ecf.Functions.Tests;

/// <summary>last_used_at is written at most once per five minutes per token; time is moved with the sandbox header.</summary>
public sealed class LastUsedTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    private static readonly DateTimeOffset Start = new(2031, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task VerifyToken_UsedAgainWithinFiveMinutes_WritesLastUsedOnceThenAgainAfter()
    {
        var token = await factory.CreateTokenAsync(ApiRoles.Finance);
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

    private async Task GetHealthAtAsync(string token, DateTimeOffset at)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        using var response = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(ApiTokenDocument Document, string ETag)> ReadAsync(string token)
    {
        var digest = ApiTokenDigester.ToHex(factory.Services.GetRequiredService<ApiTokenDigester>().Digest(token));
        var stored = await factory.Services.GetRequiredService<IDocumentStore>().GetContainer(EcfContainers.Reference)
            .ReadAsync(ApiTokenDocument.PartitionKind, ApiTokenDocument.IdFor(digest));
        Assert.NotNull(stored);
        return (stored.As<ApiTokenDocument>(), stored.ETag);
    }
}
