namespace Ecf.Functions.Requests;

/// <summary>
/// Write bodies in the JSON:API shape <c>{"data":{"type":"...","attributes":{...}}}</c>, as the v3 API and the school service's
/// routes take them: <c>data.type</c> must name the route's resource type exactly.
/// </summary>
public static class JsonApiRequest
{
    /// <summary>
    /// The attributes when <paramref name="type"/> is <paramref name="expectedType"/>; null when the type is wrong or missing or there
    /// are no attributes (the caller answers <see cref="Application.Errors.ApiError.JsonDataStructure"/>).
    /// </summary>
    public static T? AttributesOf<T>(string? type, T? attributes, string expectedType)
        where T : class =>
        string.Equals(type, expectedType, StringComparison.Ordinal) ? attributes : null;
}
