using Ecf.Orchestrations.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecf.Orchestrations;

public static class OrchestrationsServiceCollectionExtensions
{
    /// <summary>
    /// The local host's timer functions of section <c>TimerFunctions</c> (validated on start: a bad schedule or unknown
    /// orchestration stops the app, naming the setting). Needs a <c>DurableTaskClient</c> and an <c>IDocumentStore</c>; register
    /// it after the durable worker, so it starts once the worker runs.
    /// </summary>
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
