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

    /// <summary>A ProblemDetails response (<c>application/problem+json</c>) with the status expected; returns its stable code and the body.</summary>
    public static async Task<(string Code, JsonElement Body)> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await JsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        return (body.GetProperty("code").GetString()!, body);
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

    /// <summary>The stable codes of a ProblemDetails body: every error's under <c>errors</c> when there are several, else its <c>code</c>.</summary>
    public static IReadOnlyList<string> ProblemCodes(JsonElement body) =>
        body.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("code").GetString()!)]
            : [body.GetProperty("code").GetString()!];
}
