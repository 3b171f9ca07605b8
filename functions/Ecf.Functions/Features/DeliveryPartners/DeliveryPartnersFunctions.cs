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
    public const string ListRoute = "/api/v3/delivery-partners";
    public const string GetRoute = "/api/v3/delivery-partners/{id}";

    private static readonly string[] SortFields = ["created_at", "updated_at"];

    public static IEndpointRouteBuilder MapDeliveryPartners(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapV3Get(ListRoute, ListAsync, ListName, "Delivery partners", "Retrieve delivery partners: filter[cohort], sort, page[page], page[per_page].");
        endpoints.MapV3Get(GetRoute, GetAsync, GetName, "Delivery partners", "Retrieve a single delivery partner.");
        return endpoints;
    }

    public static async Task<IResult> ListAsync(HttpContext context, ListDeliveryPartnersHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = context.Request.Query;
        if (V3QueryParser.CheckFilterIsHash(query) is { } notHash)
        {
            return ApiErrorResults.ToHttpResult(context, notHash);
        }

        var page = V3QueryParser.ParsePage(query);
        if (!page.IsSuccess)
        {
            return ApiErrorResults.ToHttpResult(context, page.Errors);
        }

        var provider = context.User.LeadProviderId();
        var sort = V3QueryParser.ParseSort(query, SortFields);
        var resources = await handler.HandleAsync(
            new ListDeliveryPartnersQuery(provider, V3QueryParser.ParseCohorts(query), sort?.Field, sort?.Descending ?? false, page.Value.Number, page.Value.PerPage),
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
