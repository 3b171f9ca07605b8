namespace Ecf.Functions.Features.Declarations;

/// <summary>
/// The read side of the v3 declarations: list and by id, served from the provider views (their handler is registered with the
/// provider views, <c>AddEcfProviderViews</c>).
/// </summary>
public static class DeclarationReadsFeature
{
    /// <summary>On the lead provider API group; routes relative to <c>/api/v3</c>.</summary>
    public static IEndpointRouteBuilder MapDeclarationReads(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapListDeclarations();
        leadProviderApi.MapGetDeclaration();
        return leadProviderApi;
    }
}
