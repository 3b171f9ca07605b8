namespace Ecf.Functions.Features.Schools;

public static class Routes
{
    public const string EcfSchools = "/api/v3/schools/ecf";
    public const string EcfSchool = "/api/v3/schools/ecf/{id}";
    public const string SchoolCohort = "/api/schools/{urn}/cohorts/{year}";
}
