namespace Ecf.Functions.Features.ParticipantActions;

public static class Routes
{
    /// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
    public const string Withdraw = "/participants/ecf/{id}/withdraw";

    public const string Defer = "/participants/ecf/{id}/defer";

    public const string Resume = "/participants/ecf/{id}/resume";

    public const string ChangeSchedule = "/participants/ecf/{id}/change-schedule";

    public const string ChangeContractYear = "/api/people/{personId}/participations/{trainingRecordId}/change-contract-year";
}
