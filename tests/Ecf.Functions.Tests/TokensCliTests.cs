using System.Net;
using System.Net.Http.Headers;
using Ecf.Functions.Cli;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Ecf.Functions.Tests;

public sealed class TokensCliTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public async Task TokensCreate_LeadProvider_PrintsOnceATokenThatAuthenticates()
    {
        var (exit, stdout, stderr) = await RunAsync("tokens", "create", "--role", "lead_provider", "--lead-provider", "Ambition Institute", "--description", "cli test");

        Assert.True(exit == 0, stderr);
        var token = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout, System.Text.RegularExpressions.Regex.Escape(token)));
        Assert.Contains("Ambition Institute", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stderr, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var health = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task TokensCreate_Admin_PrintsATokenThatCanAdminister()
    {
        var (exit, stdout, stderr) = await RunAsync("tokens", "create", "--role", "admin");

        Assert.True(exit == 0, stderr);
        var token = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var list = await client.GetAsync("/api/admin/tokens");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "--role", "lead_provider", "--lead-provider", "Nobody Training Ltd" }, "No lead provider is called 'Nobody Training Ltd'")]
    [InlineData(new[] { "--role", "superuser" }, "'superuser' is not a role")]
    [InlineData(new[] { "--role", "lead_provider" }, "must name its lead provider")]
    [InlineData(new[] { "--role", "admin", "--lead-provider", "Capita" }, "not bound to a lead provider")]
    [InlineData(new string[0], "--role")]
    public async Task TokensCreate_BadInput_ExitsNonZeroWithClearMessage(string[] options, string expected)
    {
        var (exit, stdout, stderr) = await RunAsync(["tokens", "create", .. options]);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?m)^[A-Za-z0-9_-]{43}$", stdout);
    }

    [Fact]
    public async Task TokensCreate_SecretTooShort_ExitsNonZeroNamingTheSetting()
    {
        var settings = new Dictionary<string, string?>(factory.Settings) { ["Auth:TokenSecret"] = "short" };

        var (exit, _, stderr) = await RunAsync(settings, "tokens", "create", "--role", "admin");

        Assert.Equal(1, exit);
        Assert.Contains("Auth:TokenSecret", stderr, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(factory.Settings, args);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EcfCommandLine.RunAsync(args, new CommandLineContext(stdout, stderr, builder => builder.Configuration.AddInMemoryCollection(settings)));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
