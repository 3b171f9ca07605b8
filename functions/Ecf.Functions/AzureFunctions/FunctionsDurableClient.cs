using Microsoft.DurableTask.Client;

namespace Ecf.Functions.AzureFunctions;

/// <summary>
/// The <see cref="DurableTaskClient"/> of one function invocation in the Functions worker. The Durable Functions extension hands
/// a client to a function through its <c>[DurableClient]</c> binding, not through the container; the orchestration route
/// functions put theirs here, so the endpoints' <see cref="DurableTaskClient"/> parameter (the same handlers as the local host's)
/// resolves to it from the invocation's services.
/// </summary>
public sealed class FunctionsDurableClient
{
    public DurableTaskClient? Client { get; set; }
}

public static class FunctionsDurableClientExtensions
{
    public static IServiceCollection AddEcfFunctionsDurableClient(this IServiceCollection services)
    {
        services.AddScoped<FunctionsDurableClient>();
        services.AddScoped<DurableTaskClient>(provider => provider.GetRequiredService<FunctionsDurableClient>().Client
            ?? throw new InvalidOperationException("No durable client in this invocation: only a function with a [DurableClient] binding may use one."));
        return services;
    }

    /// <summary>Makes <paramref name="client"/> this request's <see cref="DurableTaskClient"/>; returns the request.</summary>
    public static HttpRequest WithDurableClient(this HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.RequestServices.GetRequiredService<FunctionsDurableClient>().Client = client;
        return request;
    }
}
