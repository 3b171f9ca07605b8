using Ecf.Durable.Engine;
using Ecf.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecf.Durable;

public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// The key of an optional keyed <see cref="TimeProvider"/> the runtime uses instead of the application's: an application whose
    /// clock a request can set (a sandbox date) registers the real clock under it, so instance times, message visibility and
    /// leases never follow a request's date.
    /// </summary>
    public const string ClockServiceKey = "Ecf.Durable.Clock";

    /// <summary>
    /// Registers the durable runtime: options (section <c>Durable</c>), the task registry, <see cref="DurableTaskHost"/> as a hosted
    /// service and <see cref="DurableTaskClient"/>. Needs an <see cref="IDocumentStore"/> registration (AddEcfStorage).
    /// </summary>
    public static IServiceCollection AddEcfDurable(this IServiceCollection services, Action<DurableTaskRegistry> registerTasks, Action<DurableTaskOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registerTasks);
        var builder = services.AddOptions<DurableTaskOptions>().BindConfiguration(DurableTaskOptions.SectionName);
        if (configureOptions is not null)
        {
            builder.Configure(configureOptions);
        }

        builder.ValidateDataAnnotations().ValidateOnStart();
        var registry = new DurableTaskRegistry();
        registerTasks(registry);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DurableStore(
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value,
            sp.GetKeyedService<TimeProvider>(ClockServiceKey) ?? sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DurableSignals>();
        services.AddSingleton(sp => new DurableTaskHost(
            sp.GetRequiredService<DurableStore>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            sp.GetRequiredService<DurableSignals>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp));
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskHost>());
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DurableTaskHost>().Client);
        return services;
    }
}
