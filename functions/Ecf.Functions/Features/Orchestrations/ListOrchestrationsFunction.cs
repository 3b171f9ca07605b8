using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// <c>GET /api/orchestrations?runtimeStatus=&amp;createdFrom=&amp;createdTo=&amp;top=&amp;showInput=</c>: instances, oldest first,
/// as a JSON array of statuses, one page at a time. As in Durable Functions, a further page is announced by the response
/// header <c>x-ms-continuation-token</c>; send it back as that request header (or as <c>continuationToken</c>). A page can hold
/// fewer than <c>top</c> instances, even none, while a token is still given: stop when there is no token.
/// </summary>
public static class ListOrchestrationsFunction
{
    public const string Name = "OrchestrationList";

    public const string ContinuationHeader = "x-ms-continuation-token";

    public const int MaxTop = 1000;

    public static RouteHandlerBuilder MapListOrchestrations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.Orchestrations, HandleAsync)
            .WithName(Name)
            .WithTags(OrchestrationsFeature.Tag)
            .WithSummary("Lists orchestration instances by runtime status and creation time, oldest first, paged.")
            .RequireAuthorization(EcfPolicies.Orchestrations)
            .Produces<IReadOnlyList<OrchestrationStatus>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    public static async Task<IResult> HandleAsync(HttpContext context, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var query = context.Request.Query;
        if (!OrchestrationRequest.TryParseStatuses(query["runtimeStatus"], out var statuses, out var error)
            || !OrchestrationRequest.TryParseDate(query["createdFrom"], "createdFrom", out var from, out error)
            || !OrchestrationRequest.TryParseDate(query["createdTo"], "createdTo", out var to, out error))
        {
            return ApiErrorResults.ToHttpResult(context, error!);
        }

        var top = OrchestrationQuery.DefaultPageSize;
        if (query["top"] is { Count: > 0 } topText && (!int.TryParse(topText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out top) || top < 1 || top > MaxTop))
        {
            return ApiErrorResults.ToHttpResult(context, Application.Errors.ApiError.BadParameter($"top '{topText}' must be a whole number from 1 to {MaxTop}."));
        }

        if (from is { } f && to is { } t && f > t)
        {
            return ApiErrorResults.ToHttpResult(context, Application.Errors.ApiError.BadParameter("createdFrom must not be after createdTo."));
        }

        var showInput = !string.Equals(query["showInput"], "false", StringComparison.OrdinalIgnoreCase);
        var continuation = context.Request.Headers[ContinuationHeader].FirstOrDefault() is { Length: > 0 } header ? header : (string?)query["continuationToken"];
        var filter = new OrchestrationQuery(CreatedFrom: from, CreatedTo: to, Statuses: statuses.Count > 0 ? statuses : null, PageSize: top, FetchInputsAndOutputs: true, ContinuationToken: continuation);
        Page<OrchestrationMetadata> page;
        try
        {
            page = await FirstPageAsync(client.GetAllInstancesAsync(filter), continuation, top, cancellationToken);
        }
        catch (RpcException ex) when (continuation is not null && ex.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled))
        {
            // The backend could not read the token (each backend has its own format); a storage outage is not the caller's fault.
            return ApiErrorResults.ToHttpResult(context, Application.Errors.ApiError.BadParameter("The continuation token is not valid for this query."));
        }

        if (!string.IsNullOrEmpty(page.ContinuationToken))
        {
            context.Response.Headers[ContinuationHeader] = page.ContinuationToken;
        }

        var statusesOut = page.Values.Select(OrchestrationStatus.From).Select(s => showInput ? s : s with { Input = null }).ToList();
        return Results.Ok(statusesOut);
    }

    private static async Task<Page<OrchestrationMetadata>> FirstPageAsync(AsyncPageable<OrchestrationMetadata> pageable, string? continuation, int top, CancellationToken cancellationToken)
    {
        await foreach (var page in pageable.AsPages(continuation, top).WithCancellation(cancellationToken))
        {
            return page;
        }

        return new Page<OrchestrationMetadata>([], null);
    }
}
