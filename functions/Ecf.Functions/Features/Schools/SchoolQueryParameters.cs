using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Functions.Api.V3;

namespace Ecf.Functions.Features.Schools;

/// <summary>
/// What the schools endpoints add to the common v3 parameters (<see cref="V3QueryParser"/>): a required cohort, a URN filter
/// and a sort on <c>updated_at</c> only (docs/domain.md#v3-paging), with ECF's exact messages.
/// </summary>
public static class SchoolQueryParameters
{
    public const string CohortRequired = "The filter '#/cohort' must be included in your request";
    public const string InvalidSort = "The sort parameter must be one of: updated_at, -updated_at";

    /// <summary>The cohort, or null when it is given but not a year (then nothing matches); an error when missing.</summary>
    public static Result<int?> Cohort(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (V3QueryParser.CheckFilterIsHash(query) is { } notHash)
        {
            return notHash;
        }

        var text = query["filter[cohort]"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return ApiError.BadRequest(CohortRequired);
        }

        return Result<int?>.Success(int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null);
    }

    /// <summary>null (default order), <c>updated_at</c> or <c>-updated_at</c>.</summary>
    public static Result<string?> Sort(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query["sort"].ToString();
        return string.IsNullOrEmpty(text) ? Result<string?>.Success(null)
            : text is "updated_at" or "-updated_at" ? Result<string?>.Success(text)
            : ApiError.BadRequest(InvalidSort);
    }

    /// <summary><c>filter[urn]</c>: a URN that is not a number matches nothing.</summary>
    public static (bool Given, int? Urn) Urn(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query["filter[urn]"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (false, null);
        }

        return (true, int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var urn) ? urn : null);
    }
}
