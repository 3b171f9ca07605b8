using Ecf.Application.Gias;
using Ecf.Application.Schools;
using Ecf.Functions.Hosting;

namespace Ecf.Functions.Features.Schools;

public static class SchoolsFeature
{
    /// <summary>Schools and the GIAS import; relative GIAS paths resolve like the other data paths (repository root in a checkout).</summary>
    public static IHostApplicationBuilder AddSchoolsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfSchools();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.PostConfigure<GiasImportOptions>(options => options.BasePath ??= EcfPaths.DataBase(contentRoot));
        return builder;
    }

    /// <summary>The school service's cohort set-up, and the v3 schools on the lead provider API group.</summary>
    public static IEndpointRouteBuilder MapSchoolsFeature(this IEndpointRouteBuilder endpoints, IEndpointRouteBuilder leadProviderApi)
    {
        endpoints.MapSchoolCohorts();
        leadProviderApi.MapListEcfSchools();
        leadProviderApi.MapGetEcfSchool();
        return endpoints;
    }
}
