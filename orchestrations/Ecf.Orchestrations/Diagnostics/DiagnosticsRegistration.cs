using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Diagnostics;

public static class DiagnosticsRegistration
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<PingOrchestrator>(OrchestrationNames.Ping)
            .AddActivity<EchoActivity>(ActivityNames.Echo);
    }
}
