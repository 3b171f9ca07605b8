using System.Net;
using System.Text.Json;
using Ecf.Application.Tokens;
using Ecf.Functions.Tests.Infrastructure;
using static Ecf.Functions.Tests.Orchestrations.OrchestrationsApi;

namespace Ecf.Functions.Tests.Orchestrations;

/// <summary>The orchestration API through the real pipeline, the real embedded store and the app's own durable host.</summary>
public sealed class OrchestrationsApiTests(OrchestrationsAppFactory factory) : IClassFixture<OrchestrationsAppFactory>
{
    private const string WaitAnHour = """{"message":"slow","delaySeconds":3600}""";

    [Fact]
    public async Task Start_ParticipantStatusRefresh_RunsInTheAppAndReportsCounts()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = NewId("status-refresh");

        // Act
        using var response = await StartAsync(client, "ParticipantStatusRefresh", """{"pageSize":100}""", id);
        await HttpAssert.JsonAsync(response, HttpStatusCode.Accepted);
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal("Completed", RuntimeStatus(status));
        Assert.Equal(0, status.GetProperty("output").GetProperty("failedCount").GetInt32());
    }

    [Fact]
    public async Task Start_Ping_Returns202WithLocationAndCheckStatusBody()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = NewId("start");

        // Act
        using var response = await StartAsync(client, "Ping", """{"message":"hi"}""", id);

        // Assert
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.Accepted);
        var statusUri = $"http://localhost/api/orchestrations/{id}";
        Assert.Equal(new Uri(statusUri), response.Headers.Location);
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal(statusUri, body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(statusUri + "/terminate?reason={text}", body.GetProperty("terminatePostUri").GetString());
        Assert.Equal(statusUri, body.GetProperty("purgeHistoryDeleteUri").GetString());
    }

    [Fact]
    public async Task Status_PolledUntilFinished_ShowsCompletedWithInputOutputAndProgress()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Finance);
        using var started = await StartAsync(client, "ping", """{"message":"hi"}""");
        var location = started.Headers.Location!;

        // Act
        var status = await PollUntilFinishedAsync(client, location.Segments[^1]);
        using var final = await client.GetAsync(location);

        // Assert
        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        Assert.Equal("Completed", RuntimeStatus(status));
        Assert.Equal("Ping", status.GetProperty("name").GetString());
        Assert.Equal(location.Segments[^1], status.GetProperty("instanceId").GetString());
        Assert.Equal("hi", status.GetProperty("input").GetProperty("message").GetString());
        Assert.Equal("pong: hi", status.GetProperty("output").GetProperty("reply").GetString());
        Assert.Equal("done", status.GetProperty("customStatus").GetProperty("step").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", status.GetProperty("createdTime").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", status.GetProperty("lastUpdatedTime").GetString());
        Assert.False(status.TryGetProperty("failureDetails", out _));
        Assert.Equal(
            ["createdTime", "customStatus", "input", "instanceId", "lastUpdatedTime", "name", "output", "runtimeStatus"],
            status.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_WithAFutureSandboxDate_RunsNowOnTheRealClock()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        client.DefaultRequestHeaders.Add("X-With-Server-Date", "2032-07-15T09:42:00Z");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        // Act
        var id = await StartPingAsync(client, """{"message":"hi"}""");
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal("Completed", RuntimeStatus(status));
        Assert.InRange(status.GetProperty("createdTime").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Status_NoBody_StartsWithNullInputAndCompletes()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        // Act
        var id = await StartPingAsync(client, "");
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal("Completed", RuntimeStatus(status));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("input").ValueKind);
        Assert.Equal("pong: ping", status.GetProperty("output").GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Status_RunningInstance_Returns202WithLocationAndShowInputFalseHidesInput()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, WaitAnHour);
        await PollUntilAsync(client, id, s => RuntimeStatus(s) == "Running");

        // Act
        using var response = await client.GetAsync($"/api/orchestrations/{id}?showInput=false");

        // Assert
        var status = await HttpAssert.JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(new Uri($"http://localhost/api/orchestrations/{id}"), response.Headers.Location);
        Assert.Equal("Running", RuntimeStatus(status));
        Assert.Equal("waiting", status.GetProperty("customStatus").GetProperty("step").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("input").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("output").ValueKind);
    }

    [Fact]
    public async Task Terminate_WaitingInstance_EndsTerminatedWithTheReason()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, WaitAnHour);
        await PollUntilAsync(client, id, s => RuntimeStatus(s) == "Running");

        // Act
        using var response = await client.PostAsync($"/api/orchestrations/{id}/terminate?reason=no%20longer%20needed", null);
        var status = await PollUntilFinishedAsync(client, id);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Terminated", RuntimeStatus(status));
        Assert.Equal("no longer needed", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Purge_FinishedInstance_DeletesItAndItsStatus()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, "{}");
        await PollUntilFinishedAsync(client, id);

        // Act
        using var response = await client.DeleteAsync($"/api/orchestrations/{id}");
        using var after = await client.GetAsync($"/api/orchestrations/{id}");

        // Assert
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(1, body.GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Start_IdOfAFinishedInstance_StartsItAfresh()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = await StartPingAsync(client, """{"message":"first"}""", NewId("again"));
        await PollUntilFinishedAsync(client, id);

        // Act
        await StartPingAsync(client, """{"message":"second"}""", id);
        var status = await PollUntilAsync(client, id, s => RuntimeStatus(s) == "Completed" && s.GetProperty("input").GetProperty("message").GetString() == "second");

        // Assert
        Assert.Equal("pong: second", status.GetProperty("output").GetProperty("reply").GetString());
    }

    [Fact]
    public async Task List_ByRuntimeStatusAndCreatedTime_ReturnsMatchingInstances()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var completed = await StartPingAsync(client, "{}");
        await PollUntilFinishedAsync(client, completed);
        var running = await StartPingAsync(client, WaitAnHour);
        await PollUntilAsync(client, running, s => RuntimeStatus(s) == "Running");
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var runningOnly = await ListAllAsync(client, "runtimeStatus=Running");
        var completedOrFailed = await ListAllAsync(client, "runtimeStatus=completed,Failed");
        var both = await ListAllAsync(client, "runtimeStatus=Running&runtimeStatus=Completed");
        var fromTomorrow = await ListAllAsync(client, $"createdFrom={tomorrow}");
        var untilYesterday = await ListAllAsync(client, $"createdTo={yesterday}T00:00:00Z");
        var sinceYesterday = await ListAllAsync(client, $"createdFrom={yesterday}&createdTo={tomorrow}");

        // Assert
        Assert.Contains(running, Ids(runningOnly));
        Assert.DoesNotContain(completed, Ids(runningOnly));
        Assert.All(runningOnly, s => Assert.Equal("Running", RuntimeStatus(s)));
        Assert.Contains(completed, Ids(completedOrFailed));
        Assert.DoesNotContain(running, Ids(completedOrFailed));
        Assert.All(completedOrFailed, s => Assert.Contains(RuntimeStatus(s), new[] { "Completed", "Failed" }));
        Assert.Contains(running, Ids(both));
        Assert.Contains(completed, Ids(both));
        Assert.Empty(fromTomorrow);
        Assert.Empty(untilYesterday);
        Assert.Contains(running, Ids(sinceYesterday));
        Assert.Contains(completed, Ids(sinceYesterday));
    }

    [Fact]
    public async Task List_PagedByOne_FollowsContinuationWithoutDuplicatesOrGaps()
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await StartPingAsync(client, "{}"));
        }

        using var whole = await client.GetAsync("/api/orchestrations?top=1000");
        var expected = Ids(await HttpAssert.JsonAsync(whole, HttpStatusCode.OK));

        // Act
        var pages = new List<JsonElement>();
        string? token = null;
        var requests = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orchestrations?top=1");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await client.SendAsync(request);
            var page = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
            Assert.True(page.GetArrayLength() <= 1);
            pages.AddRange(page.EnumerateArray());
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            requests++;
        }
        while (token is not null && requests < 10_000);

        // Assert
        var paged = pages.Select(s => s.GetProperty("instanceId").GetString()!).ToList();
        Assert.Equal(paged.Distinct().Count(), paged.Count);
        Assert.Equal(expected.Take(paged.Count), paged.Take(expected.Count));
        Assert.All(ids, id => Assert.Contains(id, paged));
    }

    [Fact]
    public async Task Start_UnknownOrchestration_Returns404NamingItAndTheStartableOnes()
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await StartAsync(client, "Nope", "{}");

        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.NotFound);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("No orchestration named 'Nope' can be started over HTTP", detail, StringComparison.Ordinal);
        Assert.Contains("Ping", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/orchestrations/missing-instance")]
    [InlineData("DELETE", "/api/orchestrations/missing-instance")]
    [InlineData("POST", "/api/orchestrations/missing-instance/terminate")]
    public async Task InstanceRoutes_UnknownInstance_Return404NamingIt(string method, string path)
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No orchestration instance has the id 'missing-instance'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"message\":", "bad-json", "ecf.1001")]
    [InlineData("not json", "bad-json-2", "ecf.1001")]
    [InlineData("{}", "a#b", "ecf.1002")]
    [InlineData("{}", "~index", "ecf.1002")]
    [InlineData("{}", "", "ecf.1002")]
    [InlineData("{}", "timer:Nightly:20250301060000", "ecf.1002")]
    public async Task Start_BadInput_Returns400AndStartsNothing(string body, string instanceId, string code)
    {
        // Arrange
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        // Act
        using var response = await StartAsync(client, "Ping", body, instanceId);

        // Assert
        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (instanceId.Length > 0 && !instanceId.Contains('#', StringComparison.Ordinal) && instanceId[0] != '~')
        {
            using var status = await client.GetAsync($"/api/orchestrations/{Uri.EscapeDataString(instanceId)}");
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        }
    }

    [Fact]
    public async Task Start_NonJsonContentType_Returns415AndStartsNothing()
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        var id = NewId("text");
        using var content = new StringContent("hello", System.Text.Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync($"/api/orchestrations/Ping?instanceId={id}", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var status = await client.GetAsync($"/api/orchestrations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping", "runtimeStatus 'Sleeping' is not a runtime status")]
    [InlineData("runtimeStatus=Running,ContinuedAsNew", "runtimeStatus 'ContinuedAsNew' is not a runtime status")]
    [InlineData("createdFrom=yesterday", "createdFrom 'yesterday' is not a date and time")]
    [InlineData("createdTo=03/01/2025", "createdTo '03/01/2025' is not a date and time")]
    [InlineData("createdFrom=2025-02-30", "createdFrom '2025-02-30' is not a date and time")]
    [InlineData("createdFrom=2025-03-02&createdTo=2025-03-01", "createdFrom must not be after createdTo")]
    [InlineData("top=0", "top '0' must be a whole number from 1 to 1000")]
    [InlineData("top=abc", "top 'abc' must be a whole number from 1 to 1000")]
    [InlineData("continuationToken=garbage", "The continuation token is not valid")]
    public async Task List_BadParameter_Returns400NamingIt(string query, string expected)
    {
        using var client = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);

        using var response = await client.GetAsync($"/api/orchestrations?{query}");

        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiRoles.LeadProvider, "Ambition Institute")]
    [InlineData(ApiRoles.SchoolService, null)]
    public async Task Routes_TokenWithoutAdminOrFinanceRole_Return403AndStartNothing(string role, string? leadProvider)
    {
        using var client = await factory.CreateClientWithTokenAsync(role, leadProvider);
        var id = NewId("forbidden");

        using var start = await StartAsync(client, "Ping", "{}", id);
        using var list = await client.GetAsync("/api/orchestrations");
        using var status = await client.GetAsync($"/api/orchestrations/{id}");
        using var terminate = await client.PostAsync($"/api/orchestrations/{id}/terminate", null);
        using var purge = await client.DeleteAsync($"/api/orchestrations/{id}");

        Assert.All([start, list, status, terminate, purge], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var admin = await factory.CreateClientWithTokenAsync(ApiRoles.Admin);
        using var check = await admin.GetAsync($"/api/orchestrations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }

    [Fact]
    public async Task Routes_NoToken_Return401()
    {
        using var client = factory.CreateClient();

        using var start = await StartAsync(client, "Ping", "{}");
        using var list = await client.GetAsync("/api/orchestrations");

        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    private static async Task<List<JsonElement>> ListAllAsync(HttpClient client, string query)
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var uri = $"/api/orchestrations?{query}&top=1000" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            using var response = await client.GetAsync(uri);
            var page = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
            all.AddRange(page.EnumerateArray());
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null);

        return all;
    }

    private static List<string> Ids(IEnumerable<JsonElement> statuses) => [.. statuses.Select(s => s.GetProperty("instanceId").GetString()!)];

    private static List<string> Ids(JsonElement array) => Ids(array.EnumerateArray());
}
