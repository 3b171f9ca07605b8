using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Functions.Sandbox;
using Microsoft.Extensions.Primitives;

namespace Ecf.Functions.Api.V3;

/// <summary>
/// Reads ECF v3 list parameters from a query string with ECF's rules and messages (docs/domain.md#v3-paging): deepObject
/// <c>filter[...]</c> and <c>page[...]</c>, comma-separated <c>sort</c> with a leading <c>-</c> for descending.
/// Every failure is a 400 "Bad request" carrying ECF's exact detail.
/// </summary>
public static class V3QueryParser
{
    /// <summary><c>filter=x</c> (a filter that is not a hash) is refused; <c>filter[...]</c> keys are fine.</summary>
    public static ApiError? CheckFilterIsHash(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ContainsKey("filter") ? ApiError.BadRequest(V3Messages.FilterNotAHash) : null;
    }

    /// <summary>Defaults 1 and 100; per_page above 3,000 is clamped; anything not a whole number ≥ 1 is refused.</summary>
    public static Result<V3Page> ParsePage(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ContainsKey("page"))
        {
            return ApiError.BadRequest(V3Messages.InvalidPage);
        }

        var number = 1;
        var perPage = V3Page.DefaultPerPage;
        if (query.TryGetValue("page[page]", out var pageValue) && !TryPositive(pageValue, out number))
        {
            return ApiError.BadRequest(V3Messages.InvalidPage);
        }

        if (query.TryGetValue("page[per_page]", out var perPageValue) && !TryPositive(perPageValue, out perPage))
        {
            return ApiError.BadRequest(V3Messages.InvalidPage);
        }

        return new V3Page(number, Math.Min(perPage, V3Page.MaxPerPage));
    }

    /// <summary>
    /// <c>filter[updated_since]</c>: RFC 3339. A value that fails is retried once URL-decoded (clients that encode twice,
    /// or send <c>+</c> for the offset sign unencoded, which arrives as a space).
    /// </summary>
    public static Result<DateTimeOffset?> ParseUpdatedSince(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.TryGetValue("filter[updated_since]", out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Result<DateTimeOffset?>.Success(null);
        }

        var text = values.ToString();
        if (Rfc3339.TryParse(text, out var parsed)
            || Rfc3339.TryParse(Uri.UnescapeDataString(text), out parsed)
            || Rfc3339.TryParse(text.Replace(' ', '+'), out parsed))
        {
            return Result<DateTimeOffset?>.Success(parsed);
        }

        return ApiError.BadRequest(V3Messages.InvalidUpdatedSince);
    }

    /// <summary><c>filter[training_status]</c>: blank means no filter; otherwise one of active, deferred, withdrawn.</summary>
    public static Result<string?> ParseTrainingStatus(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var value = query["filter[training_status]"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return Result<string?>.Success(null);
        }

        return value is "active" or "deferred" or "withdrawn"
            ? Result<string?>.Success(value)
            : ApiError.BadRequest(V3Messages.InvalidTrainingStatus);
    }

    /// <summary>
    /// <c>filter[cohort]</c>: a comma list of start years. Null when absent or blank (all cohorts); values that are not
    /// years match nothing, as in ECF (an empty list, so the caller returns no rows).
    /// </summary>
    public static IReadOnlyList<int>? ParseCohorts(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var value = query["filter[cohort]"].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var years = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year);
            }
        }

        return years.Distinct().ToList();
    }

    /// <summary>A plain string filter such as <c>filter[from_participant_id]</c>; null when absent or blank.</summary>
    public static string? ParseString(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var value = query[$"filter[{name}]"].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// <c>sort</c>: the first value naming an allowed field wins (ECF orders by the list; our immutable key is the tie-breaker).
    /// Unknown fields are ignored, as ECF does. Null when nothing allowed is named.
    /// </summary>
    public static V3Sort? ParseSort(IQueryCollection query, IReadOnlyCollection<string> allowedFields)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(allowedFields);
        foreach (var part in query["sort"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = part.StartsWith('-');
            var field = descending ? part[1..] : part.TrimStart('+');
            if (allowedFields.Contains(field))
            {
                return new V3Sort(field, descending);
            }
        }

        return null;
    }

    private static bool TryPositive(StringValues values, out int number)
    {
        var text = values.ToString().Trim();

        // A huge per_page is still a valid number (clamped later).
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            number = value > int.MaxValue ? int.MaxValue : (int)value;
            return true;
        }

        number = 0;
        return false;
    }
}
