using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests;

/// <summary>A configuration that cannot work stops the app at start, with a message naming the setting.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short-secret")]
    public void Start_ProductionWithoutAProperTokenSecret_RefusesNamingAuthTokenSecret(string? secret)
    {
        var message = StartFailure("Production", settings => settings["Auth:TokenSecret"] = secret);

        Assert.True(message.Contains("Auth:TokenSecret", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Start_CosmosWithInvalidEndpoint_RefusesNamingTheEndpointSetting()
    {
        var message = StartFailure("Production", settings =>
        {
            settings["Storage:Provider"] = "Cosmos";
            settings["Storage:Cosmos:Endpoint"] = "not a url";
            settings["Storage:Cosmos:Key"] = "a2V5";
        });

        Assert.True(message.Contains("Storage:Cosmos:Endpoint", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Start_ProductionWithLocalTokensEnabled_RefusesNamingTheSetting()
    {
        var message = StartFailure("Production", settings => settings["LocalTokens:Enabled"] = "true");

        Assert.Contains("LocalTokens:Enabled", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithValidSettings_Starts()
    {
        using var factory = new EcfAppFactory { EnvironmentName = "Production" };

        using var client = factory.CreateClient();

        Assert.NotNull(client);
    }

    private static string StartFailure(string environment, Action<Dictionary<string, string?>> change)
    {
        using var factory = new EcfAppFactory { EnvironmentName = environment };
        change(factory.Settings);

        var exception = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(exception);
        return Describe(exception);
    }

    private static string Describe(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Describe)),
        { InnerException: { } inner } => exception.Message + " | " + Describe(inner),
        _ => exception.Message,
    };
}
