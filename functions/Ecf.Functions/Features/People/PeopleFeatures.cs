using Ecf.Application.People;
using Ecf.Functions.Features.Partnerships;
using Ecf.Functions.Features.Registrations;
using Ecf.Functions.Features.Schools;

namespace Ecf.Functions.Features.People;

/// <summary>The people write side: registrations, partnerships and the admin people endpoints.</summary>
public static class PeopleFeatures
{
    public static WebApplicationBuilder AddPeopleFeatures(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfPeople();
        return builder;
    }

    public static IEndpointRouteBuilder MapPeopleFeatures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRegistrations();
        endpoints.MapPartnerships();
        endpoints.MapSchoolCohorts();
        endpoints.MapPeople();
        return endpoints;
    }
}
