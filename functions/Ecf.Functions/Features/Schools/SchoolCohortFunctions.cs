using System.Text.Json.Serialization;
using Ecf.Application.Errors;
using Ecf.Application.Partnerships;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.Schools;

/// <summary>
/// <c>GET/PUT /api/schools/{urn}/cohorts/{year}</c> (school service): how the school runs a cohort and who its induction tutor is.
/// A lead provider cannot confirm a partnership with a school that had a provider the year before until the school has set the
/// year up (ECF's <c>school_programme_not_yet_confirmed</c>).
/// </summary>
public static class SchoolCohortFunctions
{
    public const string GetName = "GetSchoolCohort";
    public const string SetUpName = "SetUpSchoolCohort";

    /// <summary>The <c>data.type</c> of a PUT body and of the resource served.</summary>
    public const string ResourceType = "school-cohort";

    public static IEndpointRouteBuilder MapSchoolCohorts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Routes.SchoolCohort, GetAsync).WithName(GetName).WithTags("Schools")
            .WithSummary("How a school runs a cohort: its induction programme choice and induction tutor.")
            .RequireAuthorization(EcfPolicies.SchoolService).Produces<SchoolCohortDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPut(Routes.SchoolCohort, SetUpAsync).WithName(SetUpName).WithTags("Schools")
            .WithSummary("Sets up a school's cohort: the induction programme choice and the induction tutor.")
            .RequireAuthorization(EcfPolicies.SchoolService).Produces<SchoolCohortDocument>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<IResult> GetAsync(string urn, string year, HttpContext context, SchoolCohortsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.GetAsync(urn, year, cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    public static async Task<IResult> SetUpAsync(string urn, string year, SchoolCohortRequest request, HttpContext context, SchoolCohortsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        if (JsonApiRequest.AttributesOf(request?.Data?.Type, request?.Data?.Attributes, ResourceType) is not { } a)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.JsonDataStructure());
        }

        var changeContext = new PartnershipChangeContext(
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), ActorTypes.SchoolService, context.User.GetTokenId(), CorrelationIdMiddleware.Get(context));
        var result = await handler.SetUpAsync(
            new SetUpSchoolCohortCommand(urn, year, a.InductionProgrammeChoice, a.InductionTutorName, a.InductionTutorEmail, changeContext), cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    private static IResult Render(SchoolCohortView view) => Results.Json(new SchoolCohortDocument(SchoolCohortResource.From(view)));
}

/// <summary>The <c>school-cohort</c> resource.</summary>
public sealed record SchoolCohortResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] SchoolCohortAttributes Attributes)
{
    public static SchoolCohortResource From(SchoolCohortView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SchoolCohortResource(
            $"{view.SchoolId}:{view.Cohort}",
            SchoolCohortFunctions.ResourceType,
            new SchoolCohortAttributes(view.SchoolId, view.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), view.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture), view.InductionProgrammeChoice, view.InductionTutorName, view.InductionTutorEmail, view.SetUp, view.UpdatedAt));
    }
}

public sealed record SchoolCohortAttributes(
    [property: JsonPropertyName("school_id")] string SchoolId,
    [property: JsonPropertyName("urn")] string Urn,
    [property: JsonPropertyName("cohort")] string Cohort,
    [property: JsonPropertyName("induction_programme_choice")] string InductionProgrammeChoice,
    [property: JsonPropertyName("induction_tutor_name")] string? InductionTutorName,
    [property: JsonPropertyName("induction_tutor_email")] string? InductionTutorEmail,
    [property: JsonPropertyName("set_up")] bool SetUp,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt);

public sealed record SchoolCohortDocument([property: JsonPropertyName("data")] SchoolCohortResource Data);

public sealed record SchoolCohortRequest([property: JsonPropertyName("data")] SchoolCohortRequestData? Data);

public sealed record SchoolCohortRequestData(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("attributes")] SchoolCohortRequestAttributes? Attributes);

public sealed record SchoolCohortRequestAttributes(
    [property: JsonPropertyName("induction_programme_choice")] string? InductionProgrammeChoice,
    [property: JsonPropertyName("induction_tutor_name")] string? InductionTutorName,
    [property: JsonPropertyName("induction_tutor_email")] string? InductionTutorEmail);
