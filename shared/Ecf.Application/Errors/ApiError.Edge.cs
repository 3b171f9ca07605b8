using System.Globalization;

namespace Ecf.Application.Errors;

/// <summary>
/// The edge of the HTTP API, before any endpoint runs: headers, bodies, parameters and routes the service cannot take (ecf.1007 to
/// ecf.1018, next to the other ecf.1NNN of <see cref="ApiError"/>).
/// </summary>
public sealed partial record ApiError
{
    /// <summary>The v3 API's text for a body without <c>data.type</c> and <c>data.attributes</c> as the resource needs them.</summary>
    public const string JsonDataStructureRequired = "correct json data structure required. See API docs for reference";

    public static ApiError ServerDateOutOfRange(string value, DateOnly earliest, DateOnly latest) =>
        new("ecf.1007", "Bad request", string.Create(CultureInfo.InvariantCulture, $"The X-With-Server-Date header value '{value}' is outside the dates the service can run at: {earliest:yyyy-MM-dd} to {latest:yyyy-MM-dd}."), ApiErrorKind.BadRequest);

    public static ApiError DuplicateJsonKey(string key, string path) =>
        new("ecf.1008", "Bad request", $"The request body is not accepted: the key '{key}' appears more than once in the object at {path}.", ApiErrorKind.BadRequest);

    public static ApiError InvalidJsonText(string path) =>
        new("ecf.1009", "Bad request", $"The request body is not accepted: the text at {path} is not valid Unicode (invalid UTF-8 or an unpaired surrogate such as \\ud800).", ApiErrorKind.BadRequest);

    /// <summary>A body whose <c>data</c> lacks the resource's <c>type</c> or its <c>attributes</c>.</summary>
    public static ApiError JsonDataStructure() =>
        new("ecf.1010", "Bad request", JsonDataStructureRequired, ApiErrorKind.BadRequest);

    public static ApiError MethodNotAllowed(string method, string path) =>
        new("ecf.1011", "Method not allowed", $"{method} is not allowed on {path}; the Allow header lists the methods that are.", ApiErrorKind.MethodNotAllowed);

    public static ApiError BodyRequired() =>
        new("ecf.1012", "Bad request", "The request needs a JSON body; it was empty or null.", ApiErrorKind.BadRequest);

    public static ApiError ParameterUnreadable(string name, string? value) =>
        new("ecf.1013", "Bad parameter", $"The parameter '{name}'{(value is null ? "" : $" ('{value}')")} does not have a value of the right kind.", ApiErrorKind.BadRequest);

    public static ApiError ParameterMissing(string name) =>
        new("ecf.1014", "Bad parameter", $"The parameter '{name}' is required.", ApiErrorKind.BadRequest);

    /// <summary>No route matches; the title and detail are the v3 API's, so its clients see the same body as for an unknown id.</summary>
    public static ApiError RouteNotFound() => NotFound() with { Code = "ecf.1015" };

    public static ApiError HostNotAllowed(string host) =>
        new("ecf.1016", "Bad request", $"The Host header '{host}' is not one this service answers to.", ApiErrorKind.BadRequest);

    public static ApiError RequestUnreadable() =>
        new("ecf.1017", "Bad request", "The request could not be read.", ApiErrorKind.BadRequest);
}
