namespace Ecf.Application.Errors;

/// <summary>
/// An expected failure, returned (never thrown) by application code. <see cref="Code"/> is stable and documented;
/// <see cref="Title"/> is short and fixed per code; <see cref="Detail"/> says what went wrong in this request.
/// The catalogue of errors is the set of static members below; add new ones here so codes stay unique.
/// </summary>
public sealed partial record ApiError(string Code, string Title, string Detail, ApiErrorKind Kind)
{
    // 1xxx: requests that cannot be read.
    public static ApiError MalformedJson(string detail) =>
        new("ecf.1001", "Bad request", detail, ApiErrorKind.BadRequest);

    public static ApiError BadParameter(string detail) =>
        new("ecf.1002", "Bad parameter", detail, ApiErrorKind.BadRequest);

    public static ApiError InvalidServerDate(string value) =>
        new("ecf.1003", "Bad request", $"The X-With-Server-Date header value '{value}' is not a valid RFC3339 date and time.", ApiErrorKind.BadRequest);

    public static ApiError PayloadTooLarge(long maxBytes) =>
        new("ecf.1004", "Payload too large", $"The request body must not be larger than {maxBytes} bytes.", ApiErrorKind.PayloadTooLarge);

    public static ApiError BadRequest(string detail) =>
        new("ecf.1005", "Bad request", detail, ApiErrorKind.BadRequest);

    public static ApiError UnsupportedMediaType(string detail) =>
        new("ecf.1006", "Unsupported media type", detail, ApiErrorKind.UnsupportedMediaType);

    // 2xxx: lookups.
    public static ApiError NotFound() =>
        new("ecf.2001", "Resource not found", "Nothing could be found for the provided details", ApiErrorKind.NotFound);

    // 3xxx: rules.
    public static ApiError UnknownRole(string role, IEnumerable<string> knownRoles) =>
        new("ecf.3101", "role", $"'{role}' is not a role. Roles: {string.Join(", ", knownRoles)}.", ApiErrorKind.Validation);

    public static ApiError LeadProviderRequired() =>
        new("ecf.3102", "lead_provider", "A lead_provider token must name its lead provider.", ApiErrorKind.Validation);

    public static ApiError LeadProviderNotAllowed(string role) =>
        new("ecf.3103", "lead_provider", $"A {role} token is not bound to a lead provider; give no lead provider.", ApiErrorKind.Validation);

    public static ApiError UnknownLeadProvider(string name) =>
        new("ecf.3104", "lead_provider", $"No lead provider is called '{name}'.", ApiErrorKind.Validation);

    /// <summary>A token's description breaks a <see cref="Domain.Text.TextRules"/> rule for free text: too long (3105) or a disallowed character (3106).</summary>
    public static ApiError TokenDescription(Domain.Text.TextProblem problem) => new(
        problem == Domain.Text.TextProblem.TooLong ? "ecf.3105" : "ecf.3106",
        "description",
        Domain.Text.TextMessages.For(problem, "description", Domain.Text.TextKind.FreeText),
        ApiErrorKind.Validation);

    // 4xxx: state (each area's conflicts are in its own file).

    // 5xxx: access.
    public static ApiError Forbidden() =>
        new("ecf.5001", "Forbidden", "This token may not use this resource.", ApiErrorKind.Forbidden);
}
