namespace Ecf.Functions.Features.Registrations;

/// <summary>The school service registers ECTs and mentors. The handler is registered with the people (AddEcfPeople).</summary>
public static class RegistrationsFeature
{
    public static IEndpointRouteBuilder MapRegistrationsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRegistrations();
        return endpoints;
    }
}
