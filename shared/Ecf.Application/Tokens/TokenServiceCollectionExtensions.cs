using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Tokens;

public static class TokenServiceCollectionExtensions
{
    /// <summary>API tokens: options (<c>Auth</c>, validated on start), digester, verification cache and the token handlers.</summary>
    public static IServiceCollection AddEcfTokens(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TokenOptions>()
            .Bind(configuration.GetSection(TokenOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiTokenDigester>();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<VerifyApiTokenHandler>();
        services.AddScoped<CreateApiTokenHandler>();
        services.AddScoped<ListApiTokensHandler>();
        return services;
    }
}
