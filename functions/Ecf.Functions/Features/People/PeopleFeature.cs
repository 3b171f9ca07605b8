using Ecf.Application.People;

namespace Ecf.Functions.Features.People;

/// <summary>
/// People: the admin view of a person's record and timeline. Its services (AddEcfPeople) also hold the registration and
/// partnership handlers, whose routes are in Features/Registrations, Features/Partnerships and Features/Schools.
/// </summary>
public static class PeopleFeature
{
    public static IHostApplicationBuilder AddPeopleFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfPeople();
        return builder;
    }

    public static IEndpointRouteBuilder MapPeopleFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPeople();
        return endpoints;
    }
}
