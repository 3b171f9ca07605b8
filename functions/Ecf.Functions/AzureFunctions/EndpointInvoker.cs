using System.Collections.Frozen;
using Ecf.Functions.Hosting;
using Microsoft.AspNetCore.Routing.Template;

namespace Ecf.Functions.AzureFunctions;

/// <summary>
/// Runs one of the app's endpoints (found by its name, <c>WithName</c>) for an HTTP-triggered Azure Function: the same
/// endpoint definition, authorization policy and middleware the local host runs through endpoint routing (ADR 0010). It
/// sets the endpoint and its route values on the request, then runs <see cref="ApiExtensions.UseEcfMiddleware"/> and the
/// endpoint's request delegate. The edge (<see cref="EdgeStartupFilter"/>) wraps both hosts' pipelines already.
/// </summary>
public sealed class EndpointInvoker
{
    private readonly Lazy<FrozenDictionary<string, Target>> targets;
    private readonly RequestDelegate pipeline;

    public EndpointInvoker(IServiceProvider services, EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoints);
        targets = new Lazy<FrozenDictionary<string, Target>>(() => endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToFrozenDictionary(
                e => e.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName,
                e => new Target(e, new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults))),
                StringComparer.Ordinal));

        var app = new ApplicationBuilder(services);
        app.UseEcfMiddleware(selectEndpoint: _ => { });
        app.Run(context => context.GetEndpoint()!.RequestDelegate!(context));
        pipeline = app.Build();
    }

    /// <summary>The body of every HTTP-triggered function: runs the endpoint named <paramref name="endpointName"/>.</summary>
    public static Task<IResult> InvokeAsync(HttpRequest request, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<EndpointInvoker>().RunAsync(request.HttpContext, endpointName);
    }

    /// <summary>Writes the endpoint's response to <paramref name="context"/>; the result returned has nothing left to write.</summary>
    public async Task<IResult> RunAsync(HttpContext context, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!targets.Value.TryGetValue(endpointName, out var target))
        {
            throw new InvalidOperationException($"No endpoint is named '{endpointName}'.");
        }

        var values = new RouteValueDictionary();
        if (!target.Matcher.TryMatch(context.Request.Path, values))
        {
            throw new InvalidOperationException(
                $"The path {context.Request.Path} does not match the route {target.Endpoint.RoutePattern.RawText} of endpoint '{endpointName}'.");
        }

        context.SetEndpoint(target.Endpoint);
        context.Request.RouteValues = values;
        await pipeline(context).ConfigureAwait(false);
        return Results.Empty;
    }

    private sealed record Target(RouteEndpoint Endpoint, TemplateMatcher Matcher);
}
