namespace Ecf.Functions.Tests.Infrastructure;

/// <summary>Requests at a sandbox date (<c>X-With-Server-Date</c>), for tests that play a story over several dates with one client.</summary>
public static class SandboxRequests
{
    public static Task<HttpResponseMessage> SendAtAsync(this HttpClient client, HttpMethod method, string path, string serverDate, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-With-Server-Date", serverDate);
        return client.SendAsync(request);
    }
}
