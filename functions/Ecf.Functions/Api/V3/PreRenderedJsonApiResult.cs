using System.Buffers;

namespace Ecf.Functions.Api.V3;

/// <summary>
/// A JSON:API document built from resources already rendered as UTF-8 JSON (the provider views hold them):
/// <c>{"data":[r1,r2,...]}</c> for a list, <c>{"data":r}</c> for one. Nothing is parsed or re-serialised.
/// </summary>
public sealed class PreRenderedJsonApiResult : IResult
{
    private static readonly byte[] ListStart = "{\"data\":["u8.ToArray();
    private static readonly byte[] ListEnd = "]}"u8.ToArray();
    private static readonly byte[] SingleStart = "{\"data\":"u8.ToArray();
    private static readonly byte[] SingleEnd = "}"u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();

    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _resources;
    private readonly bool _single;

    private PreRenderedJsonApiResult(IReadOnlyList<ReadOnlyMemory<byte>> resources, bool single)
    {
        _resources = resources;
        _single = single;
    }

    public static PreRenderedJsonApiResult List(IReadOnlyList<ReadOnlyMemory<byte>> resources) => new(resources, single: false);

    public static PreRenderedJsonApiResult One(ReadOnlyMemory<byte> resource) => new([resource], single: true);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        long length = (_single ? SingleStart.Length + SingleEnd.Length : ListStart.Length + ListEnd.Length) + Math.Max(0, _resources.Count - 1);
        foreach (var resource in _resources)
        {
            length += resource.Length;
        }

        response.ContentLength = length;
        var writer = response.BodyWriter;
        writer.Write(_single ? SingleStart : ListStart);
        for (var i = 0; i < _resources.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Comma);
            }

            writer.Write(_resources[i].Span);
        }

        writer.Write(_single ? SingleEnd : ListEnd);
        await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
