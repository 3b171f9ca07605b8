using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecf.Orchestrations.Tests.Infrastructure;

/// <summary>Microsoft.DurableTask's in-process test host as the tests start it: the real worker and client, logging warnings.</summary>
internal static class TestHosts
{
    /// <summary>
    /// Starts a test host running <paramref name="register"/>'s tasks with <paramref name="services"/> for their dependencies.
    /// The host picks its loopback port at random, so two hosts started at once (parallel test classes, other test
    /// projects) can draw the same one: a start that finds its port taken is tried again on another.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register, Action<IServiceCollection> services)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(register, new DurableTaskTestHostOptions
                {
                    ConfigureServices = services,
                    LoggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)),
                });
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException && attempt < 5)
            {
            }
        }
    }
}
