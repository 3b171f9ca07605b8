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
    public const string ListRoute = "/unfunded-mentors/ecf";
    public const string GetRoute = "/unfunded-mentors/ecf/{id}";

    private static readonly string[] SortFields = ["updated_at"];

    /// <summary>On the lead provider API group; routes relative to <c>/api/v3</c>.</summary>
    public static IEndpointRouteBuilder MapUnfundedMentorsFeature(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapV3Get(ListRoute, ListAsync, ListName, "Unfunded mentors", "Retrieve unfunded mentors: filter[updated_since], sort (updated_at, -updated_at), page[page], page[per_page].");
        leadProviderApi.MapV3Get(GetRoute, GetAsync, GetName, "Unfunded mentors", "Retrieve a single unfunded mentor.");
        return leadProviderApi;
    }

    public static async Task<IResult> ListAsync(HttpContext context, ListUnfundedMentorsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (since, sort, page) = (query.UpdatedSince(), query.Sort(SortFields), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var resources = await handler.HandleAsync(
            new ListUnfundedMentorsQuery(context.User.LeadProviderId(), since, sort is not null, sort?.Descending ?? false, page.Number, page.PerPage),
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
