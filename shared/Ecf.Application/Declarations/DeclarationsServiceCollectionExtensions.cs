using Ecf.Application.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Declarations;

public static class DeclarationsServiceCollectionExtensions
{
    /// <summary>Declarations, funding-eligibility decisions and statements (their handlers and documents).</summary>
    public static IServiceCollection AddEcfDeclarations(this IServiceCollection services)
    {
        services.AddSingleton<StatementDocuments>();
        services.AddSingleton<IdempotencyRecords>();
        services.AddScoped<DeclarationWrites>();
        services.AddScoped<RecordDeclarationHandler>();
        services.AddScoped<VoidDeclarationHandler>();
        services.AddScoped<RecordEligibilityHandler>();
        return services;
    }
}
