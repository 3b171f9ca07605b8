using Ecf.Application.Contracts;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Features.Contracts;

/// <summary>Section <c>Contracts</c>.</summary>
public sealed class ContractsOptions
{
    public const string SectionName = "Contracts";

    /// <summary>Local runs: seed illustrative contracts (version 1) for every ECF provider and year that has none.</summary>
    public bool SeedIllustrative { get; set; }
}

/// <summary>Finance's contract versions (docs/domain.md#contracts): the documents' services, the routes and the local seed.</summary>
public static class ContractsFeature
{
    public static IHostApplicationBuilder AddContractsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfContracts();
        builder.Services.AddOptions<ContractsOptions>().Bind(builder.Configuration.GetSection(ContractsOptions.SectionName));
        builder.Services.AddHostedService<ContractsLocalSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapContractsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContracts();
        return endpoints;
    }
}

/// <summary>
/// On start, after the store is ready (registered after <c>EcfStartupService</c>, and hosted services start in order): the
/// illustrative contracts of <see cref="ContractSeeder"/>, when <see cref="ContractsOptions.SeedIllustrative"/> is on.
/// </summary>
public sealed class ContractsLocalSeed(ContractSeeder seeder, IOptions<ContractsOptions> options, ILogger<ContractsLocalSeed> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedIllustrative)
        {
            return;
        }

        var created = await seeder.SeedAsync(cancellationToken);
        if (created > 0)
        {
            logger.LogInformation("Seeded {Created} illustrative contract versions.", created);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
