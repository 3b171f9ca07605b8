using System.Net;
using System.Reflection;
using Ecf.Application.Errors;
using Ecf.Functions.Errors;
using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Api;

/// <summary>
/// The v3 error body is ECF's <c>{"errors":[{"title","detail"}]}</c> and carries no code, so a test names the code it expects and
/// the body must be that catalogue entry's status, title and detail.
/// </summary>
internal static class V3Assert
{
    /// <summary>The catalogue's entries that take no argument, by code.</summary>
    private static readonly Dictionary<string, ApiError> Fixed = typeof(ApiError)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(ApiError) && m.GetParameters().Length == 0)
        .Select(m => (ApiError)m.Invoke(null, null)!)
        .ToDictionary(e => e.Code);

    public static Task ErrorAsync(HttpResponseMessage response, string code) =>
        ErrorAsync(response, code, Fixed.TryGetValue(code, out var expected) ? expected : throw new ArgumentException($"No fixed catalogue entry has the code {code}.", nameof(code)));

    /// <summary>For an entry whose detail depends on its arguments: <paramref name="expected"/> built from the catalogue.</summary>
    public static async Task ErrorAsync(HttpResponseMessage response, string code, ApiError expected)
    {
        Assert.Equal(code, expected.Code);
        var body = await HttpAssert.JsonAsync(response, (HttpStatusCode)ApiErrorResults.StatusCodeFor(expected.Kind));
        Assert.Equal((expected.Title, expected.Detail), HttpAssert.SingleV3Error(body));
    }
}
