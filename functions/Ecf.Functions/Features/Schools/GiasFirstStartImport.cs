using Ecf.Application.Gias;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Gias;
using Ecf.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Features.Schools;

/// <summary>
/// Local mode (<c>Gias:ImportOnFirstStart</c>): when the schools container is empty, starts the GIAS import of the bundled
/// extract once, under a fixed instance id so a second start of the app does not start it again.
/// </summary>
public sealed class GiasFirstStartImport(IDocumentStore store, DurableTaskClient client, IOptions<GiasImportOptions> options, ILogger<GiasFirstStartImport> logger) : IHostedService
{
    public const string InstanceId = "gias-import-first-start";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnFirstStart)
        {
            return;
        }

        var any = await store.GetContainer(EcfContainers.Schools).QueryAsync(SchoolListing.Partition, DocumentQuery.All(1), cancellationToken);
        if (any.Documents.Count > 0 || await client.GetInstanceAsync(InstanceId, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.GiasImport, new GiasImportInput(), new StartOrchestrationOptions(InstanceId), cancellationToken);
            logger.LogInformation("No schools yet: importing the bundled GIAS extract {Extract} (instance {InstanceId}).", options.Value.Extract, InstanceId);
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            // Another host started it.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
