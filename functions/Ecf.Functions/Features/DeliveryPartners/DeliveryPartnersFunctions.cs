using Ecf.Application.Participants;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.DeliveryPartners;

/// <summary><c>GET /api/v3/delivery-partners</c> and <c>/{id}</c>: delivery partners this provider works with (reference data).</summary>
public static class DeliveryPartnersFunctions
{
    public const string ListName = "V3ListDeliveryPartners";
    public const string GetName = "V3GetDeliveryPartner";
    public const string ListRoute = "/delivery-partners";
    public const string GetRoute = "/delivery-partners/{id}";

    private static readonly string[] SortFields = ["created_at", "updated_at"];

    /// <summary>On the lead provider API group; routes relative to <c>/api/v3</c>.</summary>
    public static IEndpointRouteBuilder MapDeliveryPartnersFeature(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapV3Get(ListRoute, ListAsync, ListName, "Delivery partners", "Retrieve delivery partners: filter[cohort], sort (created_at, updated_at, leading - for descending), page[page], page[per_page].");
        leadProviderApi.MapV3Get(GetRoute, GetAsync, GetName, "Delivery partners", "Retrieve a single delivery partner.");
        return leadProviderApi;
    }

    public static async Task<IResult> ListAsync(HttpContext context, ListDeliveryPartnersHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (cohorts, sort, page) = (query.Cohorts(), query.Sort(SortFields), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var resources = await handler.HandleAsync(
            new ListDeliveryPartnersQuery(context.User.LeadProviderId(), cohorts, sort?.Field, sort?.Descending ?? false, page.Number, page.PerPage),
            cancellationToken);
        return PreRenderedJsonApiResult.List(resources);
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, ListDeliveryPartnersHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var provider = context.User.LeadProviderId();
        var result = await handler.GetAsync(provider, id, cancellationToken);
        return result.ToHttpResult(context, resource => PreRenderedJsonApiResult.One(resource));
    }
}
