namespace Ecf.Functions.Features.Schools;

public static class Routes
{
    /// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
    public const string EcfSchools = "/schools/ecf";

    /// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
    public const string EcfSchool = "/schools/ecf/{id}";

    public const string SchoolCohort = "/api/schools/{urn}/cohorts/{year}";
}
