using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecf.Orchestrations.Tests.Infrastructure;

/// <summary>Microsoft.DurableTask's in-process test host as the tests start it: the real worker and client, logging warnings.</summary>
internal static class TestHosts
{
    /// <summary>Starts a test host running <paramref name="register"/>'s tasks with <paramref name="services"/> for their dependencies.</summary>
    public static Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register, Action<IServiceCollection> services) =>
        DurableTaskTestHost.StartAsync(register, new DurableTaskTestHostOptions
        {
            ConfigureServices = services,
            LoggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)),
        });
}
