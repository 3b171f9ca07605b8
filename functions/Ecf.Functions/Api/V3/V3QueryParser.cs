using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Functions.Errors;
using Ecf.Functions.Sandbox;
using Microsoft.Extensions.Primitives;

namespace Ecf.Functions.Api.V3;

/// <summary>
/// The one reader of a v3 list's query string (docs/domain.md#v3-paging): deepObject <c>filter[...]</c> and <c>page[...]</c>,
/// comma-separated <c>sort</c> with a leading <c>-</c> for descending. Each method returns the value it read and records what is
/// wrong in <see cref="Errors"/> (a 400 "Bad request", ecf.14NN); an endpoint reads what it takes, then answers the errors, if any
/// (<see cref="Refused"/>), before doing anything.
/// </summary>
public sealed class V3QueryParser
{
    private readonly IQueryCollection _query;
    private readonly List<ApiError> _errors = [];

    /// <summary>A <c>filter</c> that is not <c>filter[...]</c> (<c>filter=x</c>) is refused on every list.</summary>
    public V3QueryParser(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        if (query.ContainsKey("filter"))
        {
            _errors.Add(ApiError.V3FilterNotAHash());
        }
    }

    public IReadOnlyList<ApiError> Errors => _errors;

    /// <summary>True, with the 400 to answer, when anything read so far was wrong.</summary>
    public bool Refused(HttpContext context, [NotNullWhen(true)] out IResult? refusal)
    {
        refusal = _errors.Count > 0 ? ApiErrorResults.ToHttpResult(context, _errors) : null;
        return refusal is not null;
    }

    /// <summary><c>page[page]</c> and <c>page[per_page]</c>: defaults 1 and 100; per_page above 3,000 is lowered; anything not a whole number ≥ 1 is refused.</summary>
    public V3Page Page()
    {
        var number = 1;
        var perPage = V3Page.DefaultPerPage;
        if (_query.ContainsKey("page")
            || (_query.TryGetValue("page[page]", out var pageValue) && !TryPositive(pageValue, out number))
            || (_query.TryGetValue("page[per_page]", out var perPageValue) && !TryPositive(perPageValue, out perPage)))
        {
            _errors.Add(ApiError.V3PageInvalid());
            return V3Page.Default;
        }

        return new V3Page(number, Math.Min(perPage, V3Page.MaxPerPage));
    }

    /// <summary>
    /// <c>filter[updated_since]</c>: RFC 3339; null when absent or blank. A value that fails is retried once URL-decoded (clients that
    /// encode twice, or send <c>+</c> for the offset sign unencoded, which arrives as a space).
    /// </summary>
    public DateTimeOffset? UpdatedSince()
    {
        var text = _query["filter[updated_since]"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var parsed)
            || Rfc3339.TryParse(Uri.UnescapeDataString(text), out parsed)
            || Rfc3339.TryParse(text.Replace(' ', '+'), out parsed))
        {
            return parsed;
        }

        _errors.Add(ApiError.V3UpdatedSinceInvalid());
        return null;
    }

    /// <summary><c>filter[cohort]</c>: a comma list of start years (four digits each); null when absent or blank (every cohort).</summary>
    public IReadOnlyList<int>? Cohorts()
    {
        var text = _query["filter[cohort]"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var years = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryYear(part, out var year))
            {
                _errors.Add(ApiError.V3CohortNotAYear(several: true));
                return null;
            }

            years.Add(year);
        }

        return years.Count == 0 ? null : [.. years.Distinct()];
    }

    /// <summary><c>filter[cohort]</c> where exactly one year is required (schools); 0, with the error recorded, otherwise.</summary>
    public int RequiredCohort()
    {
        var text = _query["filter[cohort]"].ToString().Trim();
        if (text.Length == 0)
        {
            _errors.Add(ApiError.V3CohortRequired());
            return 0;
        }

        if (!TryYear(text, out var year))
        {
            _errors.Add(ApiError.V3CohortNotAYear(several: false));
        }

        return year;
    }

    /// <summary><c>filter[training_status]</c>: blank means no filter; otherwise one of active, deferred, withdrawn.</summary>
    public string? TrainingStatus()
    {
        var value = _query["filter[training_status]"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value is "active" or "deferred" or "withdrawn")
        {
            return value;
        }

        _errors.Add(ApiError.V3TrainingStatusInvalid());
        return null;
    }

    /// <summary>A plain text filter such as <c>filter[from_participant_id]</c>, trimmed; null when absent or blank.</summary>
    public string? Text(string name)
    {
        var value = _query[$"filter[{name}]"].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// <c>sort</c>: every comma-separated value must be in the endpoint's enum in the v3 spec, <paramref name="fields"/> each
    /// ascending or with a leading <c>-</c>; the first one orders the list (the immutable key breaks ties). Null when absent or blank.
    /// </summary>
    public V3Sort? Sort(IReadOnlyCollection<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        V3Sort? first = null;
        foreach (var part in _query["sort"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = part.StartsWith('-');
            var field = descending ? part[1..] : part;
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                _errors.Add(ApiError.V3SortInvalid(fields.SelectMany(f => new[] { f, "-" + f })));
                return null;
            }

            first ??= new V3Sort(field, descending);
        }

        return first;
    }

    private static bool TryYear(string text, out int year)
    {
        year = 0;
        return text.Length == 4 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    private static bool TryPositive(StringValues values, out int number)
    {
        var text = values.ToString().Trim();

        // A huge per_page is still a valid number (lowered later).
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            number = value > int.MaxValue ? int.MaxValue : (int)value;
            return true;
        }

        number = 0;
        return false;
    }
}
