using System.Security.Claims;
using System.Text.Encodings.Web;
using Ecf.Application.Errors;
using Ecf.Application.Tokens;
using Ecf.Functions.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>. A missing, malformed or unknown token is a 401 with ECF's exact body; a valid
/// token on a route its role may not use is a 403.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VerifyApiTokenHandler verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>ECF's 401 body, byte for byte.</summary>
    public const string AccessDeniedBody = """{"error":"HTTP Token: Access denied"}""";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var verified = await verifier.HandleAsync(header[prefix.Length..].Trim(), Context.RequestAborted);
        if (verified is null)
        {
            return AuthenticateResult.Fail("Unknown token.");
        }

        var claims = new List<Claim>
        {
            new(EcfClaimTypes.TokenId, verified.TokenId),
            new(ClaimTypes.Role, verified.Role),
        };
        if (verified.LeadProviderId is { } leadProviderId)
        {
            claims.Add(new Claim(EcfClaimTypes.LeadProviderId, leadProviderId.ToString()));
        }

        if (verified.LeadProviderName is { } leadProviderName)
        {
            claims.Add(new Claim(EcfClaimTypes.LeadProviderName, leadProviderName));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.ContentType = "application/json";
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsync(AccessDeniedBody, Context.RequestAborted);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrorResults.WriteAsync(Context, ApiError.Forbidden());
}
