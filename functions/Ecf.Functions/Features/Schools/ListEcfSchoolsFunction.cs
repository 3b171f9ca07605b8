using System.Globalization;
using Ecf.Application.Schools;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Schools;

/// <summary><c>GET /api/v3/schools/ecf</c>: eligible schools for a cohort (ECF v3). Lead providers only.</summary>
public static class ListEcfSchoolsFunction
{
    public const string Name = "V3ListEcfSchools";

    private static readonly string[] SortFields = ["updated_at"];

    public static RouteHandlerBuilder MapListEcfSchools(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.EcfSchools, HandleAsync)
            .WithName(Name)
            .WithTags("ECF schools")
            .WithSummary("Retrieve multiple ECF schools scoped to cohort (filter[cohort] required; filter[urn], filter[updated_since], page, sort=updated_at|-updated_at).")
            .Produces<EcfSchoolJson.ListDocument>();

    public static async Task<IResult> HandleAsync(HttpContext context, ListEcfSchoolsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (cohort, since, sort, page) = (query.RequiredCohort(), query.UpdatedSince(), query.Sort(SortFields), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        // A URN that is not a number matches nothing.
        var urnText = query.Text("urn");
        int? urn = int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        if (urnText is not null && urn is null)
        {
            return Results.Json(new EcfSchoolJson.ListDocument([]), EcfSchoolJson.Options);
        }

        var result = await handler.HandleAsync(new ListEcfSchoolsQuery(cohort, urn, since, page.Number, page.PerPage, sort?.Text), cancellationToken);
        return result.ToHttpResult(context, views => Results.Json(new EcfSchoolJson.ListDocument(views.Select(EcfSchoolJson.Resource).ToList()), EcfSchoolJson.Options));
    }
}
