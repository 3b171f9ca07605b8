using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.Statements;

public static class StatementsServiceCollectionExtensions
{
    /// <summary>The lead providers' statements: their documents and the v3 read handler.</summary>
    public static IServiceCollection AddEcfStatements(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatementDocuments>();
        services.AddSingleton<ListStatementsHandler>();
        return services;
    }
}
