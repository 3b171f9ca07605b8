using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.UnfundedMentors;

/// <summary><c>GET /api/v3/unfunded-mentors/ecf</c> and <c>/{id}</c>: mentors of this provider's ECTs not trained by this provider.</summary>
public static class UnfundedMentorsFunctions
{
    public const string ListName = "V3ListUnfundedMentors";
    public const string GetName = "V3GetUnfundedMentor";
    public const string ListRoute = "/api/v3/unfunded-mentors/ecf";
    public const string GetRoute = "/api/v3/unfunded-mentors/ecf/{id}";

    private static readonly string[] SortFields = ["updated_at"];

    public static IEndpointRouteBuilder MapUnfundedMentors(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapV3Get(ListRoute, ListAsync, ListName, "Unfunded mentors", "Retrieve unfunded mentors: filter[updated_since], sort (updated_at, -updated_at), page[page], page[per_page].");
        endpoints.MapV3Get(GetRoute, GetAsync, GetName, "Unfunded mentors", "Retrieve a single unfunded mentor.");
        return endpoints;
    }

    public static async Task<IResult> ListAsync(HttpContext context, ListUnfundedMentorsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var parameters = V3ListParameters.Parse(context.Request.Query);
        if (!parameters.IsSuccess)
        {
            return ApiErrorResults.ToHttpResult(context, parameters.Errors);
        }

        var provider = context.User.LeadProviderId();
        var sort = V3QueryParser.ParseSort(context.Request.Query, SortFields);
        var page = parameters.Value.Page;
        var resources = await handler.HandleAsync(
            new ListUnfundedMentorsQuery(provider, parameters.Value.UpdatedSince, sort is not null, sort?.Descending ?? false, page.Number, page.PerPage),
            cancellationToken);
        return PreRenderedJsonApiResult.List(resources);
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, ListUnfundedMentorsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var provider = context.User.LeadProviderId();
        var result = await handler.GetAsync(provider, id, cancellationToken);
        return result.ToHttpResult(context, resource => PreRenderedJsonApiResult.One(resource));
    }
}
