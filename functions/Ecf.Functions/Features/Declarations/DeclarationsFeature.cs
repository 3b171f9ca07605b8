using Ecf.Application.Declarations;

namespace Ecf.Functions.Features.Declarations;

/// <summary>ECF v3 participant declarations: lead providers' claims for payment, and their reads.</summary>
public static class DeclarationsFeature
{
    /// <summary>Declarations, funding-eligibility decisions and statements share their services.</summary>
    public static IHostApplicationBuilder AddDeclarationsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfDeclarations();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeclarationsFeature(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapDeclarationWrites();
        leadProviderApi.MapDeclarationReads();
        return leadProviderApi;
    }
}
