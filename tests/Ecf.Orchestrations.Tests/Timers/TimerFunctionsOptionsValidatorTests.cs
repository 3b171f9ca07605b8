using System.Text.Json;
using Ecf.Orchestrations.Timers;

namespace Ecf.Orchestrations.Tests.Timers;

public sealed class TimerFunctionsOptionsValidatorTests
{
    private readonly TimerFunctionsOptionsValidator _validator = new();

    [Fact]
    public void Validate_ValidFunctions_Succeeds()
    {
        var options = Options(("Nightly", new TimerFunctionOptions { Schedule = "0 0 6 * * *", Orchestration = "ping", Disabled = "false" }));

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("0 0 25 * * *", "Ping", null, "TimerFunctions:Nightly:Schedule: '0 0 25 * * *' is not a valid NCRONTAB expression (")]
    [InlineData(null, "Ping", null, "TimerFunctions:Nightly:Schedule: An NCRONTAB expression is required")]
    [InlineData("0 0 6 * * *", null, null, "TimerFunctions:Nightly:Orchestration is required")]
    [InlineData("0 0 6 * * *", "Nope", null, "TimerFunctions:Nightly:Orchestration: no orchestration named 'Nope' can be started by a timer.")]
    [InlineData("0 0 6 * * *", "Ping", "yes", "TimerFunctions:Nightly:Disabled must be true or false, not 'yes'.")]
    public void Validate_InvalidFunction_FailsNamingTheSetting(string? schedule, string? orchestration, string? disabled, string expected)
    {
        var options = Options(("Nightly", new TimerFunctionOptions { Schedule = schedule, Orchestration = orchestration, Disabled = disabled }));

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"delaySeconds":"soon"}""", "ecf.1412")]
    [InlineData("""{"reply":"x"}""", "ecf.1411")]
    [InlineData("now", "ecf.1410")]
    public void Validate_InputTheOrchestrationDoesNotTake_FailsNamingTheSettingAndTheCode(string input, string code)
    {
        var options = Options(("Nightly", new TimerFunctionOptions { Schedule = "0 0 6 * * *", Orchestration = "Ping", Input = input }));

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("TimerFunctions:Nightly:Input: ", failure, StringComparison.Ordinal);
        Assert.EndsWith($"({code})", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidFunctionName_FailsNamingIt()
    {
        var options = Options(("nightly import", new TimerFunctionOptions { Schedule = "0 0 6 * * *", Orchestration = "Ping" }));

        var result = _validator.Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.Contains("'nightly import' is not a valid timer function name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"full":true}""", """{"full":true}""")]
    [InlineData("42", "42")]
    [InlineData("full import", "\"full import\"")]
    public void ParseInput_JsonOrText_GivesJsonOrAJsonString(string input, string expected)
    {
        var parsed = TimerFunctionsOptionsValidator.ParseInput(input);

        Assert.Equal(expected, JsonSerializer.Serialize(parsed!.Value));
    }

    [Fact]
    public void ParseInput_Absent_GivesNull()
    {
        Assert.Null(TimerFunctionsOptionsValidator.ParseInput(null));
        Assert.Null(TimerFunctionsOptionsValidator.ParseInput("  "));
    }

    private static TimerFunctionsOptions Options(params (string Name, TimerFunctionOptions Function)[] functions)
    {
        var options = new TimerFunctionsOptions();
        foreach (var (name, function) in functions)
        {
            options.Functions[name] = function;
        }

        return options;
    }
}
