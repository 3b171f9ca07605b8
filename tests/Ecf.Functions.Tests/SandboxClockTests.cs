using System.Net;
using Ecf.Application.Tokens;
using Ecf.Functions.Sandbox;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests;

public sealed class SandboxClockTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public async Task Health_SandboxOnWithServerDate_ReportsThatTime()
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", "2032-07-15T10:42:00+01:00");

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(2032, 7, 15, 9, 42, 0, TimeSpan.Zero), body.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task Health_SandboxOnWithoutHeader_ReportsTheRealClock()
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var before = DateTimeOffset.UtcNow;

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        var time = body.GetProperty("time").GetDateTimeOffset();
        Assert.InRange(time, before, DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2032-07-15")]
    [InlineData("2032-07-15T10:42:00")]
    [InlineData("2032-13-15T10:42:00Z")]
    public async Task Health_SandboxOnWithBadServerDate_Returns400Problem(string value)
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-With-Server-Date", value);

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("X-With-Server-Date", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3Route_SandboxOnWithBadServerDate_Returns400InJsonApiFormat()
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");
        client.DefaultRequestHeaders.Add("X-With-Server-Date", "not-a-date");

        using var response = await client.GetAsync("/api/v3/participants/ecf");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        var (_, detail) = HttpAssert.SingleV3Error(body);
        Assert.Contains("RFC3339", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-10T10:42:00Z", "2025-01-10T10:42:00Z")]
    [InlineData("2025-01-10T10:42:00.123Z", "2025-01-10T10:42:00.123Z")]
    [InlineData("2025-01-10T10:42:00-05:00", "2025-01-10T15:42:00Z")]
    [InlineData("2025-01-10t10:42:00z", "2025-01-10T10:42:00Z")]
    public void Rfc3339_TryParse_ValidValue_ReturnsUtcInstant(string value, string expected)
    {
        var parsed = Rfc3339.TryParse(value, out var result);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void SandboxTimeProvider_Override_AppliesOnlyInsideTheScope()
    {
        var clock = new SandboxTimeProvider(TimeProvider.System);
        var at = new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

        DateTimeOffset inside;
        using (clock.Override(at))
        {
            inside = clock.GetUtcNow();
        }

        Assert.Equal(at, inside);
        Assert.True(clock.GetUtcNow() < at);
    }
}

public sealed class SandboxOffTests : IClassFixture<SandboxOffTests.Factory>
{
    private readonly Factory _factory;

    public SandboxOffTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task Health_SandboxOff_IgnoresServerDate()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", "2032-07-15T10:42:00Z");

        using var response = await client.GetAsync("/api/health");

        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(body.GetProperty("time").GetDateTimeOffset() < new DateTimeOffset(2032, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Health_SandboxOffWithBadServerDate_IsNotAnError()
    {
        using var client = await _factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", "tomorrow");

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class Factory : EcfAppFactory
    {
        public Factory() => Settings["Sandbox:Enabled"] = "false";
    }
}
