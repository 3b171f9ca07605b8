using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Gias;

public static class GiasImportRegistration
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<GiasImportOrchestrator>(OrchestrationNames.GiasImport)
            .AddActivity<GiasPrepareImportActivity>(ActivityNames.GiasPrepareImport)
            .AddActivity<GiasImportBatchActivity>(ActivityNames.GiasImportBatch)
            .AddActivity<GiasApplyLinksActivity>(ActivityNames.GiasApplyLinks);
    }
}
