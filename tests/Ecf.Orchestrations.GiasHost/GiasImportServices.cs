using System.Globalization;
using Ecf.Application.Gias;
using Ecf.Application.Schools;
using Ecf.Orchestrations.Gias;
using Ecf.Storage;
using Ecf.Storage.Files;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.GiasHost;

/// <summary>
/// The GIAS import's application services over a store and a files folder, and what a durable host needs of them: shared by the
/// kill -9 test's child process and the test harness (linked into Ecf.Orchestrations.Tests), so both run the same import.
/// </summary>
public static class GiasImportServices
{
    /// <summary>The schools services with the import's settings: <paramref name="batchSize"/> rows a batch, two batches a generation.</summary>
    public static ServiceProvider Build(IDocumentStore store, string filesFolder, int batchSize, string extract, string links)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gias:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["Gias:BatchesPerGeneration"] = "2",
            ["Gias:Extract"] = extract,
            ["Gias:Links"] = links,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(store)
            .AddSingleton<IFileStore>(new LocalFileStore(filesFolder))
            .AddLogging()
            .AddEcfSchools()
            .BuildServiceProvider();
    }

    /// <summary>Makes the import's handlers of <paramref name="application"/> available to a durable host's activities.</summary>
    public static IServiceCollection AddGiasHandlers(this IServiceCollection services, IServiceProvider application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return services
            .AddSingleton(application.GetRequiredService<PrepareGiasImportHandler>())
            .AddSingleton(application.GetRequiredService<ImportGiasBatchHandler>())
            .AddSingleton(application.GetRequiredService<ApplyGiasLinksHandler>());
    }

    /// <summary>The import's registration, its batch activity replaced by <paramref name="batch"/> when given.</summary>
    public static void Register(DurableTaskRegistry registry, Func<IServiceProvider, ITaskActivity>? batch)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (batch is null)
        {
            GiasImportRegistration.Register(registry);
            return;
        }

        registry
            .AddOrchestrator<GiasImportOrchestrator>(OrchestrationNames.GiasImport)
            .AddActivity<GiasPrepareImportActivity>(ActivityNames.GiasPrepareImport)
            .AddActivity<GiasApplyLinksActivity>(ActivityNames.GiasApplyLinks)
            .AddActivity(ActivityNames.GiasImportBatch, batch);
    }
}

/// <summary>The real batch activity, telling <paramref name="started"/> and <paramref name="finished"/> of each batch (by its first row).</summary>
public sealed class ObservedBatchActivity(ImportGiasBatchHandler handler, Action<int>? started = null, Action<int>? finished = null) : ITaskActivity
{
    public Type InputType => typeof(GiasBatchInput);

    public Type OutputType => typeof(GiasBatchResult);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var batch = (GiasBatchInput)input!;
        started?.Invoke(batch.Batch.FirstRow);
        var result = await new GiasImportBatchActivity(handler).RunAsync(context, batch).ConfigureAwait(false);
        finished?.Invoke(batch.Batch.FirstRow);
        return result;
    }
}
