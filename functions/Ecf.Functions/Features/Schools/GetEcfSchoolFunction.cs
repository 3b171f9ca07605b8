using Ecf.Application.Schools;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Schools;

/// <summary><c>GET /api/v3/schools/ecf/{id}</c>: one school for a cohort (ECF v3). Lead providers only.</summary>
public static class GetEcfSchoolFunction
{
    public const string Name = "V3GetEcfSchool";

    public static RouteHandlerBuilder MapGetEcfSchool(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.EcfSchool, HandleAsync)
            .WithName(Name)
            .WithTags("ECF schools")
            .WithSummary("Get a single ECF school scoped to cohort (filter[cohort] required).")
            .Produces<EcfSchoolJson.SingleDocument>();

    public static async Task<IResult> HandleAsync(string id, HttpContext context, GetEcfSchoolHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var cohort = query.RequiredCohort();
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var result = await handler.HandleAsync(new GetEcfSchoolQuery(id, cohort), cancellationToken);
        return result.ToHttpResult(context, view => Results.Json(new EcfSchoolJson.SingleDocument(EcfSchoolJson.Resource(view)), EcfSchoolJson.Options));
    }
}
