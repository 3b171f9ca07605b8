using System.Net;
using System.Text.Json;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;
using static Ecf.Functions.Tests.Orchestrations.OrchestrationsApi;

namespace Ecf.Functions.Tests.Orchestrations;

/// <summary>What starting, terminating and purging refuse, each with its own code, and what a failed instance shows.</summary>
public sealed class OrchestrationStartChecksTests(OrchestrationsAppFactory factory) : IClassFixture<OrchestrationsAppFactory>
{
    private const string WaitAnHour = """{"message":"slow","delaySeconds":3600}""";

    [Fact]
    public async Task Start_IdOfAFinishedInstanceOfAnotherOrchestration_Returns409AndKeepsItsOutput()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, """{"message":"keep me"}""", NewId("report"));
        await PollUntilFinishedAsync(client, id);

        // Act
        using var response = await StartAsync(client, "ParticipantStatusRefresh", "{}", id);

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "ecf.4401");
        var status = await StatusAsync(client, id);
        Assert.Equal(("Ping", "Completed"), (status.GetProperty("name").GetString(), RuntimeStatus(status)));
        Assert.Equal("pong: keep me", status.GetProperty("output").GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Start_IdOfARunningInstanceOfTheSameOrchestration_Returns409()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, WaitAnHour, NewId("singleton"));

        // Act
        using var response = await StartAsync(client, "Ping", """{"message":"second"}""", id);

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "ecf.4402");
        Assert.Equal("slow", (await StatusAsync(client, id)).GetProperty("input").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("ParticipantStatusRefresh", """{"pageSize":-1}""", "pageSize", "ecf.1412")]
    [InlineData("ParticipantStatusRefresh", """{"pageSize":"abc"}""", "pageSize", "ecf.1412")]
    [InlineData("ParticipantStatusRefresh", """{"pageSize":1001}""", "pageSize", "ecf.1412")]
    [InlineData("ParticipantStatusRefresh", """{"batchesPerGeneration":0}""", "batchesPerGeneration", "ecf.1412")]
    [InlineData("ParticipantStatusRefresh", """{"started":true}""", "started", "ecf.1411")]
    [InlineData("Ping", """{"message":42}""", "message", "ecf.1412")]
    [InlineData("Ping", """{"delaySeconds":86401}""", "delaySeconds", "ecf.1412")]
    [InlineData("Ping", """{"fail":"yes"}""", "fail", "ecf.1412")]
    [InlineData("GiasImport", """{"plan":{"batches":[]}}""", "plan", "ecf.1411")]
    [InlineData("GiasImport", """[{"extract":"x.csv"}]""", "GiasImport", "ecf.1410")]
    [InlineData("FrozenContractYearArchive", """{"contract_year":2022,"year":2022}""", "year", "ecf.1411")]
    [InlineData("FrozenContractYearArchive", """{"contract_year":"2022"}""", "contract_year", "ecf.1412")]
    [InlineData("FrozenContractYearArchive", """{"contract_year":null}""", "contract_year", "ecf.1412")]
    [InlineData("FrozenContractYearArchive", """{"contract_year":2022,"dry_run":"false"}""", "dry_run", "ecf.1412")]
    [InlineData("FrozenContractYearArchive", """{"contract_year":2022,"phase":"finish"}""", "phase", "ecf.1411")]
    public async Task Start_InputTheOrchestrationDoesNotTake_Returns400NamingTheFieldAndStartsNothing(string orchestration, string input, string named, string code)
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = NewId("bad-input");

        // Act
        using var response = await StartAsync(client, orchestration, input, id);

        // Assert
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var status = await client.GetAsync($"/api/orchestrations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task Status_FailedActivity_ShowsNeutralErrorTypesAndNoDotNetTypeNames()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, """{"message":"boom","fail":true}""");

        // Act
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal("Failed", RuntimeStatus(status));
        var failures = new List<JsonElement>();
        for (var f = status.GetProperty("failureDetails"); ; f = f.GetProperty("innerFailure"))
        {
            failures.Add(f);
            if (!f.TryGetProperty("innerFailure", out _))
            {
                break;
            }
        }

        Assert.Equal(["ActivityFailed", "Error"], failures.Select(f => f.GetProperty("errorType").GetString()));
        Assert.Contains(failures, f => f.GetProperty("errorMessage").GetString()!.Contains("Echo was asked to fail (message 'boom')", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.False(f.TryGetProperty("stackTrace", out _)));
        Assert.DoesNotContain("System.", status.GetProperty("failureDetails").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ecf.", status.GetProperty("failureDetails").GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"contract_year":2023,"dry_run":false}""", "contract_year 2023 is not frozen")]
    [InlineData("""{"contract_year":2030}""", "contract_year 2030 is not a known contract year")]
    public async Task Start_FrozenContractYearArchiveOfAYearNotFrozen_FailsAsInvalidInputSayingWhy(string input, string message)
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        // Act
        var id = NewId("archive");
        using var response = await StartAsync(client, "FrozenContractYearArchive", input, id);
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Failed", RuntimeStatus(status));
        Assert.Equal("InvalidInput", status.GetProperty("failureDetails").GetProperty("errorType").GetString());
        Assert.Contains(message, status.GetProperty("failureDetails").GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FrozenContractYearArchiveWithoutDryRun_RunsAsADryRun()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        // Act
        var id = NewId("archive");
        using var response = await StartAsync(client, "FrozenContractYearArchive", """{"contract_year":2021}""", id);
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", RuntimeStatus(status));
        var output = status.GetProperty("output");
        Assert.Equal((2021, true), (output.GetProperty("contractYear").GetInt32(), output.GetProperty("dryRun").GetBoolean()));
        Assert.Equal(0, output.GetProperty("archived").GetInt32());
        Assert.Equal("done", status.GetProperty("customStatus").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Terminate_FinishedInstance_Returns409()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, "{}");
        await PollUntilFinishedAsync(client, id);

        // Act
        using var response = await client.PostAsync($"/api/orchestrations/{id}/terminate", null);

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "ecf.4403");
        Assert.Equal("Completed", RuntimeStatus(await StatusAsync(client, id)));
    }

    [Fact]
    public async Task Purge_RunningInstance_Returns409AndKeepsIt()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, WaitAnHour);
        await PollUntilAsync(client, id, s => RuntimeStatus(s) == "Running");

        // Act
        using var response = await client.DeleteAsync($"/api/orchestrations/{id}");

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "ecf.4404");
        Assert.Equal("Running", RuntimeStatus(await StatusAsync(client, id)));
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await HttpAssert.JsonAsync(response, status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
