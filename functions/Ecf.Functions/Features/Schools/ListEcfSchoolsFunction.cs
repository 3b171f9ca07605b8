using Ecf.Application.Schools;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Schools;

/// <summary><c>GET /api/v3/schools/ecf</c>: eligible schools for a cohort (ECF v3). Lead providers only.</summary>
public static class ListEcfSchoolsFunction
{
    public const string Name = "V3ListEcfSchools";

    public static RouteHandlerBuilder MapListEcfSchools(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.EcfSchools, HandleAsync)
            .WithName(Name)
            .WithTags("ECF schools")
            .WithSummary("Retrieve multiple ECF schools scoped to cohort (filter[cohort] required; filter[urn], filter[updated_since], page, sort=updated_at|-updated_at).")
            .RequireAuthorization(EcfPolicies.LeadProvider)
            .Produces<EcfSchoolJson.ListDocument>();

    public static async Task<IResult> HandleAsync(HttpContext context, ListEcfSchoolsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = context.Request.Query;
        var cohort = SchoolQueryParameters.Cohort(query);
        var page = V3QueryParser.ParsePage(query);
        var since = V3QueryParser.ParseUpdatedSince(query);
        var sort = SchoolQueryParameters.Sort(query);
        var errors = cohort.Errors.Concat(page.Errors).Concat(since.Errors).Concat(sort.Errors).ToList();
        if (errors.Count > 0)
        {
            return ApiErrorResults.ToHttpResult(context, errors);
        }

        var (urnGiven, urn) = SchoolQueryParameters.Urn(query);
        if (cohort.Value is not { } year || (urnGiven && urn is null))
        {
            return Results.Json(new EcfSchoolJson.ListDocument([]), EcfSchoolJson.Options);
        }

        var result = await handler.HandleAsync(new ListEcfSchoolsQuery(year, urn, since.Value, page.Value.Number, page.Value.PerPage, sort.Value), cancellationToken);
        return result.ToHttpResult(context, views => Results.Json(new EcfSchoolJson.ListDocument(views.Select(EcfSchoolJson.Resource).ToList()), EcfSchoolJson.Options));
    }
}
