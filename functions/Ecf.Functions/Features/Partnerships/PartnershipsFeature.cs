namespace Ecf.Functions.Features.Partnerships;

/// <summary>ECF v3 partnerships (lead providers) and the admin challenge. The handlers are registered with the people (AddEcfPeople).</summary>
public static class PartnershipsFeature
{
    public static IEndpointRouteBuilder MapPartnershipsFeature(this IEndpointRouteBuilder endpoints, IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapPartnerships();
        endpoints.MapPartnershipChallenge();
        return endpoints;
    }
}
