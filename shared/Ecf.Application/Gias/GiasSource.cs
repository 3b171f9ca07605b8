namespace Ecf.Application.Gias;

/// <summary>Opens a configured GIAS location: a local path (relative paths from <see cref="GiasImportOptions.BasePath"/>) or an http(s) URL.</summary>
public sealed class GiasSource(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "gias";

    public static bool IsHttp(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A readable stream, or null when a local file does not exist.</summary>
    public async Task<Stream?> OpenAsync(string location, string? basePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (IsHttp(location))
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            var response = await client.GetAsync(new Uri(location), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                return null;
            }

            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        var path = Path.IsPathRooted(location) || basePath is null ? location : Path.Combine(basePath, location);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan) : null;
    }
}
