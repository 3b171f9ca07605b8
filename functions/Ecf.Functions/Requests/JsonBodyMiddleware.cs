using Ecf.Application.Errors;
using Ecf.Functions.Errors;
using Ecf.Functions.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Ecf.Functions.Requests;

/// <summary>
/// For every endpoint that takes a JSON body (its <see cref="IAcceptsMetadata"/> names a JSON type), before the endpoint runs:
/// refuses a declared non-JSON Content-Type (415) and a body over <see cref="ApiLimits.MaxRequestBodyBytes"/> (413, also when it
/// is sent chunked), reads the body once, applies <see cref="JsonBodyChecks"/> (400), and hands the endpoint the same bytes.
/// </summary>
public sealed class JsonBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts is null || !accepts.ContentTypes.Any(IsJson))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            await ApiErrorResults.WriteAsync(context, ApiError.UnsupportedMediaType($"The request body must be JSON (Content-Type: application/json), not {contentType}."));
            return;
        }

        byte[]? body;
        try
        {
            body = await ReadAtMostAsync(request.Body, ApiLimits.MaxRequestBodyBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            await ApiErrorResults.WriteAsync(context, ApiError.PayloadTooLarge(ApiLimits.MaxRequestBodyBytes));
            return;
        }

        if (JsonBodyChecks.Check(body, required: !accepts.IsOptional) is { } refused)
        {
            await ApiErrorResults.WriteAsync(context, refused);
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    /// <summary><c>application/json</c> or any <c>+json</c> type, with or without parameters.</summary>
    public static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
