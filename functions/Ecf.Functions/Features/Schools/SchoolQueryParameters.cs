using System.Globalization;
using Ecf.Application.Errors;

namespace Ecf.Functions.Features.Schools;

/// <summary>ECF's parameter rules for the schools endpoints (DOMAIN-FACTS §1.2, §1.4), with ECF's exact messages.</summary>
public static class SchoolQueryParameters
{
    public const string CohortRequired = "The filter '#/cohort' must be included in your request";
    public const string InvalidPage = "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid number (equal and more than 1)";
    public const string InvalidUpdatedSince = "The filter '#/updated_since' must be a valid RCF3339 date";
    public const string FilterNotAHash = "Filter must be a hash";
    public const string InvalidSort = "The sort parameter must be one of: updated_at, -updated_at";

    /// <summary>The cohort, or null when it is given but not a year (then nothing matches); an error when missing.</summary>
    public static Result<int?> Cohort(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ContainsKey("filter"))
        {
            return ApiError.BadRequest(FilterNotAHash);
        }

        var text = query["filter[cohort]"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return ApiError.BadRequest(CohortRequired);
        }

        return Result<int?>.Success(int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null);
    }

    public static Result<(int Page, int PerPage)> Page(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = 1;
        var perPage = 100;
        if (query.ContainsKey("page")
            || (query.TryGetValue("page[page]", out var p) && !TryPositive(p.ToString(), out page))
            || (query.TryGetValue("page[per_page]", out var pp) && !TryPositive(pp.ToString(), out perPage)))
        {
            return ApiError.BadRequest(InvalidPage);
        }

        return (page, Math.Min(perPage, 3000));
    }

    public static Result<DateTimeOffset?> UpdatedSince(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query["filter[updated_since]"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return Result<DateTimeOffset?>.Success(null);
        }

        foreach (var candidate in new[] { text, Uri.UnescapeDataString(text), text.Replace(' ', '+') })
        {
            if (Sandbox.Rfc3339.TryParse(candidate, out var parsed))
            {
                return Result<DateTimeOffset?>.Success(parsed);
            }
        }

        return ApiError.BadRequest(InvalidUpdatedSince);
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

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
}
