using Ecf.Orchestrations.Archive;
using Ecf.Orchestrations.Diagnostics;
using Ecf.Orchestrations.Gias;
using Ecf.Orchestrations.Statuses;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations;

/// <summary>
/// Everything Ecf.Orchestrations runs. A feature folder contributes a static <c>Register(DurableTaskRegistry)</c> and adds
/// one line to <see cref="Register"/>; an orchestration that operators may start by hand also goes in <see cref="StartableOverHttp"/>.
/// </summary>
public static class EcfOrchestrations
{
    /// <summary>Registers every orchestrator and activity, feature by feature.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        DiagnosticsRegistration.Register(registry);
        GiasImportRegistration.Register(registry);
        ParticipantStatusRefreshRegistration.Register(registry);
        FrozenContractYearArchiveRegistration.Register(registry);
    }

    /// <summary>
    /// The orchestrations <c>POST /api/orchestrations/{name}</c> may start (an explicit allow-list, not every registered
    /// orchestrator), each with the input it takes, checked before it starts (a timer function's input is checked against the same
    /// shape). Sub-orchestrations and orchestrations started by other code stay out unless starting them by hand is safe and
    /// useful. Names are matched without regard to case, like the registry.
    /// </summary>
    public static IReadOnlyDictionary<string, InputShape> StartableOverHttp { get; } = new Dictionary<string, InputShape>(StringComparer.OrdinalIgnoreCase)
    {
        [OrchestrationNames.Ping] = PingInput.Shape,
        [OrchestrationNames.GiasImport] = GiasImportInput.Shape,
        [OrchestrationNames.ParticipantStatusRefresh] = ParticipantStatusRefreshInput.Shape,
        [OrchestrationNames.FrozenContractYearArchive] = FrozenContractYearArchiveInput.Shape,
    };
}
