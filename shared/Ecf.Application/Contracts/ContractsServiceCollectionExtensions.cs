using Ecf.Application.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.Contracts;

public static class ContractsServiceCollectionExtensions
{
    /// <summary>The lead providers' contract versions: creation, import, reads and the illustrative local seed.</summary>
    public static IServiceCollection AddEcfContracts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatementDocuments>();
        services.TryAddSingleton<ContractVersions>();
        services.TryAddSingleton<ContractSeeder>();
        return services;
    }
}
