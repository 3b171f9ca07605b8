using Ecf.Application.Gias;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Schools;

public static class SchoolsServiceCollectionExtensions
{
    /// <summary>Schools and the GIAS import: options (section <c>Gias</c>), handlers, the school documents and the GIAS source.</summary>
    public static IServiceCollection AddEcfSchools(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GiasImportOptions>().BindConfiguration(GiasImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(GiasSource.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(10));
        services.AddSingleton<GiasSource>();
        services.AddSingleton<SchoolDocuments>();
        services.AddSingleton<PrepareGiasImportHandler>();
        services.AddSingleton<ImportGiasBatchHandler>();
        services.AddSingleton<ApplyGiasLinksHandler>();
        services.AddSingleton<ListEcfSchoolsHandler>();
        services.AddSingleton<GetEcfSchoolHandler>();
        services.AddSingleton<ImportSchoolUpliftsHandler>();
        return services;
    }
}
