using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Hosting;

/// <summary>
/// Settings of the service's own address: <c>PublicBaseUrl</c>, and <c>WEBSITE_HOSTNAME</c>, which Azure sets to the app's host name.
/// </summary>
public sealed class PublicUrlOptions
{
    /// <summary>
    /// The absolute http(s) URL clients reach the service at, used for every absolute URL the service writes (Location headers,
    /// links). Empty: <c>https://{WEBSITE_HOSTNAME}</c> in Azure, else the first address the server listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    [ConfigurationKeyName("WEBSITE_HOSTNAME")]
    public string? WebsiteHostName { get; set; }

    public static bool IsValidBaseUrl(string? value) =>
        string.IsNullOrEmpty(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}

/// <summary>
/// Absolute URLs of the service, built from configured values only: never from the request's <c>Host</c> header, which any
/// caller can set.
/// </summary>
public sealed class PublicUrls(IOptions<PublicUrlOptions> options, IServer server)
{
    private string? _baseUrl;

    /// <summary>The base URL without a trailing slash.</summary>
    public string BaseUrl => _baseUrl ??= Resolve().TrimEnd('/');

    /// <summary><paramref name="path"/> (starting with /) under the base URL.</summary>
    public string Absolute(string path) => BaseUrl + path;

    private string Resolve()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured;
        }

        if (options.Value.WebsiteHostName is { Length: > 0 } azureHost)
        {
            return $"https://{azureHost}";
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null ? $"http://localhost:{ApiLimits.DefaultPort}" : Usable(listening);
    }

    /// <summary>A listening address with a wildcard host (<c>http://+:80</c>, <c>http://[::]:80</c>) as one a client can use.</summary>
    private static string Usable(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var hostEnd = address.LastIndexOf(':');
        if (schemeEnd < 3 || hostEnd < schemeEnd)
        {
            return address;
        }

        var host = address[schemeEnd..hostEnd];
        return host is "+" or "*" or "0.0.0.0" or "[::]" ? $"{address[..schemeEnd]}localhost{address[hostEnd..]}" : address;
    }
}
