namespace Ecf.Functions.Features.Registrations;

public static class Routes
{
    public const string Ects = "/api/registrations/ects";
    public const string Mentors = "/api/registrations/mentors";
}
