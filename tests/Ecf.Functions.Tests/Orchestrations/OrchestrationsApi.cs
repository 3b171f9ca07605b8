using System.Net;
using System.Text.Json;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Orchestrations;

/// <summary>Calls of the orchestration API used by the tests.</summary>
internal static class OrchestrationsApi
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, string name, string? json, string? instanceId = null)
    {
        var uri = $"/api/orchestrations/{name}" + (instanceId is null ? "" : $"?instanceId={Uri.EscapeDataString(instanceId)}");
        using var content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(uri, content);
    }

    public static async Task<string> StartPingAsync(HttpClient client, string json, string? instanceId = null)
    {
        using var response = await StartAsync(client, "Ping", json, instanceId);
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.Accepted);
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> StatusAsync(HttpClient client, string instanceId)
    {
        using var response = await client.GetAsync($"/api/orchestrations/{Uri.EscapeDataString(instanceId)}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"Status of {instanceId}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Polls the status resource until <paramref name="done"/> holds (a guard of a minute, not a timing assertion).</summary>
    public static async Task<JsonElement> PollUntilAsync(HttpClient client, string instanceId, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var status = await StatusAsync(client, instanceId);
            if (done(status))
            {
                return status;
            }

            Assert.False(timeout.IsCancellationRequested, $"Instance {instanceId} never got there; last status: {status}");
            await Task.Delay(20);
        }
    }

    public static Task<JsonElement> PollUntilFinishedAsync(HttpClient client, string instanceId) =>
        PollUntilAsync(client, instanceId, s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated");

    public static string RuntimeStatus(JsonElement status) => status.GetProperty("runtimeStatus").GetString()!;
}
