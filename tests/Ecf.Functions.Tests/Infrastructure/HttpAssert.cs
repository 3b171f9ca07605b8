using System.Net;
using System.Text.Json;

namespace Ecf.Functions.Tests.Infrastructure;

public static class HttpAssert
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>ECF's v3 error body: <c>{"errors":[{"title","detail"}]}</c>; returns the first error.</summary>
    public static (string Title, string Detail) SingleV3Error(JsonElement body)
    {
        var errors = body.GetProperty("errors");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        var first = errors[0];
        Assert.Equal(["detail", "title"], first.EnumerateObject().Select(p => p.Name).Order());
        return (first.GetProperty("title").GetString()!, first.GetProperty("detail").GetString()!);
    }
}
