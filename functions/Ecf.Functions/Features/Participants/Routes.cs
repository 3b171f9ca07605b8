namespace Ecf.Functions.Features.Participants;

/// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
public static class Routes
{
    public const string Participants = "/participants/ecf";
    public const string Participant = "/participants/ecf/{id}";
    public const string Transfers = "/participants/ecf/transfers";
    public const string ParticipantTransfers = "/participants/ecf/{id}/transfers";
}
