namespace Ecf.Application.Errors;

/// <summary>What kind of failure an <see cref="ApiError"/> is; the HTTP mapper turns it into a status code.</summary>
public enum ApiErrorKind
{
    /// <summary>The request was understood but breaks a rule (HTTP 422 on the v3 API, as ECF).</summary>
    Validation,

    /// <summary>The request is malformed: bad JSON, bad parameter or header (HTTP 400).</summary>
    BadRequest,

    /// <summary>Nothing matches the identifiers given (HTTP 404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (HTTP 409).</summary>
    Conflict,

    /// <summary>The caller is known but may not do this (HTTP 403).</summary>
    Forbidden,

    /// <summary>The body is larger than the service accepts (HTTP 413).</summary>
    PayloadTooLarge,

    /// <summary>The route exists but not for this HTTP method (HTTP 405).</summary>
    MethodNotAllowed,

    /// <summary>The body is not in a format the endpoint reads (HTTP 415).</summary>
    UnsupportedMediaType,
}
