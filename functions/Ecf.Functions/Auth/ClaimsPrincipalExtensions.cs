using System.Security.Claims;

namespace Ecf.Functions.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The lead provider a <c>lead_provider</c> token is bound to; null for other roles.</summary>
    public static Guid? GetLeadProviderId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(EcfClaimTypes.LeadProviderId), out var id) ? id : null;
    }

    /// <summary>
    /// The lead provider of a request the <see cref="EcfPolicies.LeadProvider"/> policy let through (it requires the claim), so
    /// lead provider endpoints need no check of their own.
    /// </summary>
    public static Guid LeadProviderId(this ClaimsPrincipal principal) =>
        principal.GetLeadProviderId() ?? throw new InvalidOperationException("Only endpoints behind the lead provider policy ask for the lead provider.");

    public static string? GetTokenId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(EcfClaimTypes.TokenId);
    }
}
