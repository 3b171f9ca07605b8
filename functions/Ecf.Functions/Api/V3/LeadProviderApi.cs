using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Api.V3;

/// <summary>
/// The lead provider API (ECF v3), declared once: every route under <see cref="Prefix"/>, for lead provider tokens only, with ECF's
/// error body. Each feature folder maps its own v3 routes onto the group this returns, relative to the prefix.
/// </summary>
public static class LeadProviderApi
{
    public const string Prefix = "/api/v3";

    public static RouteGroupBuilder MapLeadProviderApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(EcfPolicies.LeadProvider)
            .WithMetadata(LeadProviderApiMetadata.Instance);
        foreach (var status in LeadProviderApiMetadata.ErrorStatusCodes)
        {
            api.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiErrorResults.JsonApiErrors), ["application/json"]));
        }

        return api;
    }
}

/// <summary>
/// Marks an endpoint of the lead provider API. Its errors are ECF's <c>{"errors":[{"title","detail"}]}</c>, as
/// <see cref="ApiErrorResults"/> answers every path under <see cref="LeadProviderApi.Prefix"/>; its OpenAPI description says so for
/// <see cref="ErrorStatusCodes"/>.
/// </summary>
public sealed class LeadProviderApiMetadata
{
    public static readonly LeadProviderApiMetadata Instance = new();

    public static readonly IReadOnlyList<int> ErrorStatusCodes =
        [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity];

    private LeadProviderApiMetadata()
    {
    }
}
