using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ecf.LocalRuntime;

public static class LocalDurableServiceCollectionExtensions
{
    /// <summary>
    /// Azurite for the local host (<see cref="AzuriteHost"/>, started only when <c>LocalDurable:Backend</c> is Azurite), as a
    /// hosted service: register it before whatever uses the storage account (the durable task hub, the blob file store).
    /// </summary>
    public static IServiceCollection AddEcfLocalAzurite(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LocalDurableOptions>().Bind(configuration.GetSection(LocalDurableOptions.SectionName));
        services.TryAddSingleton<AzuriteHost>();
        services.AddHostedService(provider => provider.GetRequiredService<AzuriteHost>());
        return services;
    }

    /// <summary>
    /// Runs <paramref name="tasks"/> (orchestrators and activities) on the Microsoft.DurableTask worker against a
    /// <see cref="LocalTaskHub"/>, and registers the matching <see cref="DurableTaskClient"/>. Settings: section
    /// <c>LocalDurable</c> of <paramref name="configuration"/> (<see cref="LocalDurableOptions"/>). The hub is registered as a
    /// hosted service before the worker's, so it listens before the worker connects and stops after it. The worker and the
    /// client serialize payloads with <paramref name="dataConverter"/> (DurableTask's default JSON when null).
    /// </summary>
    public static IServiceCollection AddEcfLocalDurableTask(this IServiceCollection services, IConfiguration configuration,
        Action<DurableTaskRegistry> tasks, DataConverter? dataConverter = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tasks);

        services.AddOptions<LocalDurableOptions>().Bind(configuration.GetSection(LocalDurableOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalDurableOptions>, LocalDurableOptionsValidator>());
        services.TryAddSingleton<AzuriteHost>();
        services.AddSingleton<LocalTaskHub>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalTaskHub>());

        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc();
            builder.Services.AddOptions<GrpcDurableTaskWorkerOptions>(builder.Name)
                .Configure<LocalTaskHub>((options, hub) => options.Channel = hub.Channel);
            builder.AddTasks(tasks);
            if (dataConverter is not null)
            {
                builder.Services.AddOptions<DurableTaskWorkerOptions>(builder.Name).Configure(options => options.DataConverter = dataConverter);
            }
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc();
            builder.Services.AddOptions<GrpcDurableTaskClientOptions>(builder.Name)
                .Configure<LocalTaskHub>((options, hub) => options.Channel = hub.Channel);
            if (dataConverter is not null)
            {
                builder.Services.AddOptions<DurableTaskClientOptions>(builder.Name).Configure(options => options.DataConverter = dataConverter);
            }
        });
        return services;
    }
}

/// <summary>Refuses unusable <see cref="LocalDurableOptions"/>, naming each setting.</summary>
internal sealed class LocalDurableOptionsValidator : IValidateOptions<LocalDurableOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalDurableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
