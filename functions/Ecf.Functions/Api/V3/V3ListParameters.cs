using Ecf.Application.Errors;

namespace Ecf.Functions.Api.V3;

/// <summary>The common parameters of a v3 list: the filter shape, the page and <c>filter[updated_since]</c>, checked together.</summary>
public sealed record V3ListParameters(V3Page Page, DateTimeOffset? UpdatedSince)
{
    public static Result<V3ListParameters> Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (V3QueryParser.CheckFilterIsHash(query) is { } notHash)
        {
            return notHash;
        }

        var page = V3QueryParser.ParsePage(query);
        if (!page.IsSuccess)
        {
            return Result<V3ListParameters>.Failure(page.Errors);
        }

        var since = V3QueryParser.ParseUpdatedSince(query);
        return since.IsSuccess ? new V3ListParameters(page.Value, since.Value) : Result<V3ListParameters>.Failure(since.Errors);
    }
}
