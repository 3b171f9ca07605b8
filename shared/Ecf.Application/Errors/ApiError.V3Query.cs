namespace Ecf.Application.Errors;

/// <summary>
/// The lead provider API's list parameters (<c>filter[...]</c>, <c>page[...]</c>, <c>sort</c>): ecf.14NN, each a 400 "Bad request".
/// The details of 1401–1404 and 1406 are ECF's own messages (ECF <c>config/locales/en.yml</c>), which clients may match on.
/// </summary>
public sealed partial record ApiError
{
    public static ApiError V3FilterNotAHash() =>
        new("ecf.1401", "Bad request", "Filter must be a hash", ApiErrorKind.BadRequest);

    public static ApiError V3PageInvalid() =>
        new("ecf.1402", "Bad request", "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid number (equal and more than 1)", ApiErrorKind.BadRequest);

    public static ApiError V3UpdatedSinceInvalid() =>
        new("ecf.1403", "Bad request", "The filter '#/updated_since' must be a valid RCF3339 date", ApiErrorKind.BadRequest);

    public static ApiError V3TrainingStatusInvalid() =>
        new("ecf.1404", "Bad request", "The filter '#/training_status' must be [\"active\", \"deferred\", \"withdrawn\"]", ApiErrorKind.BadRequest);

    public static ApiError V3CohortNotAYear(bool several) =>
        new("ecf.1405", "Bad request", several
            ? "The filter '#/cohort' must be a year such as 2025, or years separated by commas"
            : "The filter '#/cohort' must be one year such as 2025", ApiErrorKind.BadRequest);

    public static ApiError V3CohortRequired() =>
        new("ecf.1406", "Bad request", "The filter '#/cohort' must be included in your request", ApiErrorKind.BadRequest);

    /// <summary><paramref name="allowed"/>: the endpoint's sort values in the v3 spec, such as <c>updated_at</c> and <c>-updated_at</c>.</summary>
    public static ApiError V3SortInvalid(IEnumerable<string> allowed) =>
        new("ecf.1407", "Bad request", $"The sort parameter must be one of: {string.Join(", ", allowed)}", ApiErrorKind.BadRequest);
}
