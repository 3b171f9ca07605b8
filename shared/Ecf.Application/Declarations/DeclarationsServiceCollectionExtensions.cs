using Ecf.Application.ParticipantActions;
using Ecf.Application.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.Declarations;

public static class DeclarationsServiceCollectionExtensions
{
    /// <summary>Declarations, funding-eligibility decisions, participant actions and statements (their handlers and documents).</summary>
    public static IServiceCollection AddEcfDeclarations(this IServiceCollection services)
    {
        services.TryAddSingleton<StatementDocuments>();
        services.TryAddSingleton<IdempotencyRecords>();
        services.AddScoped<DeclarationWrites>();
        services.AddScoped<RecordDeclarationHandler>();
        services.AddScoped<VoidDeclarationHandler>();
        services.AddScoped<RecordEligibilityHandler>();
        services.AddScoped<ParticipantActionHandler>();
        services.AddScoped<ChangeContractYearHandler>();
        return services;
    }
}
