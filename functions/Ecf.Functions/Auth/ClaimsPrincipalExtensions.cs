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

    public static string? GetTokenId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(EcfClaimTypes.TokenId);
    }
}
