using System.Net;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using static Ecf.Functions.Tests.Orchestrations.OrchestrationsApi;

namespace Ecf.Functions.Tests.Orchestrations;

/// <summary>Timer functions as configured in the app: validated at start, run by the app's own scheduler.</summary>
public sealed class TimerFunctionsAppTests
{
    [Theory]
    [InlineData("Schedule", "0 0 25 * * *", "TimerFunctions:Nightly:Schedule: '0 0 25 * * *' is not a valid NCRONTAB expression (")]
    [InlineData("Schedule", "0 0 6 * *", "TimerFunctions:Nightly:Schedule: '0 0 6 * *' is not a valid NCRONTAB expression (")]
    [InlineData("Orchestration", "Missing", "TimerFunctions:Nightly:Orchestration: no orchestration named 'Missing' can be started by a timer.")]
    public void Start_InvalidTimerFunction_RefusesNamingTheSetting(string setting, string value, string expected)
    {
        // Arrange
        using var factory = new OrchestrationsAppFactory();
        factory.Settings["TimerFunctions:Nightly:Schedule"] = "0 0 6 * * *";
        factory.Settings["TimerFunctions:Nightly:Orchestration"] = "Ping";
        factory.Settings[$"TimerFunctions:Nightly:{setting}"] = value;

        // Act
        var exception = Record.Exception(() => factory.CreateClient());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.Single() : exception);
        Assert.Contains(validation.Failures, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task App_TimerFunctionEverySecond_StartsTheOrchestrationWithATimerInstanceId()
    {
        // Arrange
        using var factory = new OrchestrationsAppFactory();
        factory.Settings["TimerFunctions:Tick:Schedule"] = "* * * * * *";
        factory.Settings["TimerFunctions:Tick:Orchestration"] = "Ping";
        factory.Settings["TimerFunctions:Tick:Input"] = """{"message":"tick"}""";
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        // Act: wait (at most a minute) for the first occurrence to run.
        string? instanceId = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (instanceId is null)
        {
            using var response = await client.GetAsync("/api/orchestrations?top=1000");
            var list = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
            instanceId = list.EnumerateArray().Select(s => s.GetProperty("instanceId").GetString()).FirstOrDefault(id => id!.StartsWith("timer:Tick:", StringComparison.Ordinal));
            Assert.False(timeout.IsCancellationRequested, "The timer function never ran.");
            await Task.Delay(50);
        }

        var status = await PollUntilFinishedAsync(client, instanceId);

        // Assert
        Assert.Matches(@"^timer:Tick:\d{14}$", instanceId);
        Assert.Equal("Completed", RuntimeStatus(status));
        Assert.Equal("pong: tick", status.GetProperty("output").GetProperty("reply").GetString());
    }
}
