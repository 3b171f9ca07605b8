using Ecf.Durable;
using Ecf.Orchestrations.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecf.Orchestrations;

public static class OrchestrationsServiceCollectionExtensions
{
    /// <summary>
    /// The durable runtime (<c>AddEcfDurable</c>: options section <c>Durable</c>, the host as a hosted service, the client)
    /// with every orchestrator and activity of <see cref="EcfOrchestrations"/>, and the timer functions of section
    /// <c>TimerFunctions</c> (validated on start: a bad schedule or unknown orchestration stops the app, naming the setting).
    /// Needs an <c>IDocumentStore</c> (AddEcfStorage). Register it after the services whose hosted services must start first
    /// (the store's start-up work): hosted services start in registration order, the durable host before the timers.
    /// </summary>
    public static IServiceCollection AddEcfOrchestrations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddEcfDurable(EcfOrchestrations.Register);
        services.AddEcfTimerFunctions(configuration);
        return services;
    }

    /// <summary>Timer functions (needs <c>AddEcfDurable</c> first).</summary>
    public static IServiceCollection AddEcfTimerFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TimerFunctionsOptions>()
            .Configure(options =>
            {
                foreach (var section in configuration.GetSection(TimerFunctionsOptions.SectionName).GetChildren())
                {
                    options.Functions[section.Key] = new TimerFunctionOptions
                    {
                        Schedule = section[nameof(TimerFunctionOptions.Schedule)],
                        Orchestration = section[nameof(TimerFunctionOptions.Orchestration)],
                        Input = section[nameof(TimerFunctionOptions.Input)],
                        Disabled = section[nameof(TimerFunctionOptions.Disabled)],
                    };
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TimerFunctionsOptions>, TimerFunctionsOptionsValidator>();
        services.AddSingleton<TimerFunctionScheduler>();
        services.AddHostedService<TimerFunctionsHostedService>();
        return services;
    }
}
