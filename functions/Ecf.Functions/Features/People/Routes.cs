namespace Ecf.Functions.Features.People;

public static class Routes
{
    public const string Person = "/api/people/{personId}";
    public const string Timeline = "/api/people/{personId}/timeline";
    public const string Eligibility = "/api/people/{personId}/participations/{trainingRecordId}/eligibility";
}
