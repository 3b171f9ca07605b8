using Ecf.Application.Startup;
using Ecf.Functions.LocalTokens;
using Ecf.Storage;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Hosting;

/// <summary>
/// Runs before the server accepts requests: creates missing containers, seeds reference data and, in local mode, makes
/// the local tokens. Configuration has been validated by then (options are validated on start).
/// </summary>
public sealed class EcfStartupService(
    IServiceScopeFactory scopes,
    IOptions<LocalTokensOptions> localTokens,
    LocalTokenProvisioner provisioner,
    ILogger<EcfStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
            var seed = await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
            logger.LogInformation(
                "Store ready ({Kind}); reference data: {Documents} documents, {Written} written.",
                store.Kind,
                seed.Documents,
                seed.Written);
        }

        if (localTokens.Value.Enabled)
        {
            await provisioner.EnsureAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
