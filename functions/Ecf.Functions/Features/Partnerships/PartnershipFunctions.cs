using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Application.Partnerships;
using Ecf.Application.ProviderViews;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.Partnerships;

/// <summary>ECF v3 partnerships (lead providers) and the admin challenge.</summary>
public static class PartnershipFunctions
{
    public const string ListName = "V3ListPartnerships";
    public const string GetName = "V3GetPartnership";
    public const string CreateName = "V3CreatePartnership";
    public const string UpdateName = "V3UpdatePartnership";
    public const string ChallengeName = "AdminChallengePartnership";

    /// <summary>The <c>data.type</c> of a POST body, as the v3 API.</summary>
    public const string CreateType = "ecf-partnership";

    /// <summary>The <c>data.type</c> of a PUT body, as the v3 API.</summary>
    public const string UpdateType = "ecf-partnership-update";

    private static readonly string[] SortFields = ["created_at", "updated_at"];

    /// <summary>The v3 partnerships, on the lead provider API group (routes relative to <c>/api/v3</c>).</summary>
    public static IEndpointRouteBuilder MapPartnerships(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapGet(Routes.List, ListAsync).WithName(ListName).WithTags("ECF partnerships")
            .WithSummary("Lists this provider's ECF partnerships.").Produces<PartnershipList>();
        leadProviderApi.MapGet(Routes.One, GetAsync).WithName(GetName).WithTags("ECF partnerships")
            .WithSummary("One of this provider's ECF partnerships.").Produces<PartnershipDocument>();
        leadProviderApi.MapPost(Routes.List, CreateAsync).WithName(CreateName).WithTags("ECF partnerships")
            .WithSummary("Confirms a partnership with a school for a cohort.").Produces<PartnershipDocument>();
        leadProviderApi.MapPut(Routes.One, UpdateAsync).WithName(UpdateName).WithTags("ECF partnerships")
            .WithSummary("Changes the delivery partner of a partnership.").Produces<PartnershipDocument>();
        return leadProviderApi;
    }

    public static IEndpointRouteBuilder MapPartnershipChallenge(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Routes.Challenge, ChallengeAsync).WithName(ChallengeName).WithTags("Admin")
            .WithSummary("Challenges a partnership on behalf of a school: it stops giving its provider visibility.")
            .RequireAuthorization(EcfPolicies.Admin).Produces<PartnershipDocument>();
        return endpoints;
    }

    public static async Task<IResult> ListAsync(HttpContext context, ListPartnershipsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (cohorts, since, sort, page) = (query.Cohorts(), query.UpdatedSince(), query.Sort(SortFields) ?? new V3Sort("created_at", false), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var partners = query.Text("delivery_partner_id") is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList()
            : null;
        var result = await handler.HandleAsync(
            new ListPartnershipsQuery(LeadProvider(context), cohorts, partners, since, sort.Field, sort.Descending, page.Number, page.PerPage),
            cancellationToken);
        return result.ToHttpResult(context, views => Results.Json(new PartnershipList([.. views.Select(PartnershipResource.From)]), V3Json.Options));
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, GetPartnershipHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.HandleAsync(LeadProvider(context), id, cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    public static async Task<IResult> CreateAsync(PartnershipRequest request, HttpContext context, CreatePartnershipHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (JsonApiRequest.AttributesOf(request?.Data?.Type, request?.Data?.Attributes, CreateType) is not { } a)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.JsonDataStructure());
        }

        var cohort = a.Cohort switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.Null } or null => null,
            { } other => other.GetRawText(),
        };
        var result = await handler.HandleAsync(new CreatePartnershipCommand(LeadProvider(context), cohort, a.SchoolId, a.DeliveryPartnerId, Context(context)), cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    public static async Task<IResult> UpdateAsync(string id, PartnershipRequest request, HttpContext context, UpdatePartnershipHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (JsonApiRequest.AttributesOf(request?.Data?.Type, request?.Data?.Attributes, UpdateType) is not { } a)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.JsonDataStructure());
        }

        if (!Guid.TryParse(id, out _))
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.NotFound());
        }

        var result = await handler.HandleAsync(new UpdatePartnershipCommand(LeadProvider(context), id, a.DeliveryPartnerId, Context(context)), cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    public static async Task<IResult> ChallengeAsync(string id, ChallengeRequest request, HttpContext context, ChallengePartnershipHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        var changeContext = new PartnershipChangeContext(TimeNow(context), ActorTypes.Admin, context.User.GetTokenId(), CorrelationIdMiddleware.Get(context));
        var result = await handler.HandleAsync(new ChallengePartnershipCommand(id, request?.Reason, changeContext), cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    private static IResult Render(PartnershipView view) => Results.Json(new PartnershipDocument(PartnershipResource.From(view)), V3Json.Options);

    private static Guid LeadProvider(HttpContext context) =>
        context.User.LeadProviderId();

    private static PartnershipChangeContext Context(HttpContext context) =>
        new(TimeNow(context), ActorTypes.LeadProviderApi, LeadProvider(context).ToString("D"), CorrelationIdMiddleware.Get(context));

    private static DateTimeOffset TimeNow(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
