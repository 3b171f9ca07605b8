using System.ComponentModel.DataAnnotations;

namespace Ecf.Application.Tokens;

/// <summary>API token settings. Section <c>Auth</c>.</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Auth";

    public const int MinimumSecretLength = 32;

    /// <summary>
    /// The HMAC-SHA256 key tokens are digested with. Changing it invalidates every stored token.
    /// Must be supplied outside local development (app setting <c>Auth__TokenSecret</c>).
    /// </summary>
    [Required(ErrorMessage = "Auth:TokenSecret must be set (at least 32 characters; app setting Auth__TokenSecret).")]
    [MinLength(MinimumSecretLength, ErrorMessage = "Auth:TokenSecret must be at least 32 characters long.")]
    public string TokenSecret { get; set; } = "";
}
