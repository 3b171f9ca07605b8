using Ecf.Application.Statements;

namespace Ecf.Functions.Features.Statements;

/// <summary>The provider's financial statements (v3), read from the statement documents in <c>finance</c>.</summary>
public static class StatementsFeature
{
    public static IHostApplicationBuilder AddStatementsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfStatements();
        return builder;
    }
}
