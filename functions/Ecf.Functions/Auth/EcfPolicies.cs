using Ecf.Application.Tokens;

namespace Ecf.Functions.Auth;

/// <summary>
/// Authorization policies. Each endpoint names the ones it accepts with <c>RequireAuthorization</c>; an endpoint that names
/// none still needs a valid token (the fallback policy). Anonymous endpoints say <c>AllowAnonymous</c>.
/// </summary>
public static class EcfPolicies
{
    /// <summary>Any valid token, whatever its role.</summary>
    public const string AnyToken = "any-token";

    public const string LeadProvider = "role:" + ApiRoles.LeadProvider;
    public const string SchoolService = "role:" + ApiRoles.SchoolService;
    public const string Finance = "role:" + ApiRoles.Finance;
    public const string Admin = "role:" + ApiRoles.Admin;

    /// <summary>Orchestration management: admin or finance.</summary>
    public const string Orchestrations = "orchestrations";

    public static IServiceCollection AddEcfAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AnyToken, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(LeadProvider, policy => policy.RequireRole(ApiRoles.LeadProvider).RequireClaim(EcfClaimTypes.LeadProviderId))
            .AddPolicy(SchoolService, policy => policy.RequireRole(ApiRoles.SchoolService))
            .AddPolicy(Finance, policy => policy.RequireRole(ApiRoles.Finance))
            .AddPolicy(Admin, policy => policy.RequireRole(ApiRoles.Admin))
            .AddPolicy(Orchestrations, policy => policy.RequireRole(ApiRoles.Admin, ApiRoles.Finance))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
