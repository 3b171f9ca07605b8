using System.Net;
using System.Net.Security;

namespace Ecf.Storage.Cosmos;

/// <summary>
/// When the Cosmos client may accept a self-signed server certificate: only when the options ask for it <em>and</em> the endpoint
/// is on loopback (the local Cosmos-protocol server of tests). A real endpoint always keeps full TLS validation.
/// </summary>
public static class LoopbackCertificatePolicy
{
    /// <summary>True when <see cref="CosmosStorageOptions.TrustLoopbackCertificate"/> is set and the endpoint host is loopback.</summary>
    public static bool Applies(CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TrustLoopbackCertificate && Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) && IsLoopback(endpoint);
    }

    /// <summary>True for <c>localhost</c>, <c>127.0.0.0/8</c> and <c>::1</c>.</summary>
    public static bool IsLoopback(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        var host = uri.IdnHost.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// Certificate check for the loopback handler: a valid certificate always passes; an invalid one only for a request whose own
    /// host is loopback (so a redirect to another host would still be validated).
    /// </summary>
    public static bool Validate(HttpRequestMessage request, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        return errors == SslPolicyErrors.None || IsLoopback(request.RequestUri);
    }
}
