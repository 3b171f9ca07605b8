using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecf.LocalRuntime;

/// <summary>
/// Starts only the durable part of a local host (Azurite when it is the backend, the task hub and the worker), for a command
/// that runs an orchestration in its own process without serving HTTP; disposing it stops them in reverse order.
/// </summary>
public sealed class LocalDurableRuntime : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    private LocalDurableRuntime()
    {
    }

    public static async Task<LocalDurableRuntime> StartAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var runtime = new LocalDurableRuntime();
        var hosted = services.GetServices<IHostedService>().ToList();
        try
        {
            foreach (var service in hosted.Where(s => s is AzuriteHost or LocalTaskHub or DurableTaskWorker))
            {
                await service.StartAsync(cancellationToken).ConfigureAwait(false);
                runtime._started.Add(service);
            }
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return runtime;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _started.Clear();
    }
}
