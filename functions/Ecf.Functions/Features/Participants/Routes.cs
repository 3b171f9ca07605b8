namespace Ecf.Functions.Features.Participants;

public static class Routes
{
    public const string Participants = "/api/v3/participants/ecf";
    public const string Participant = "/api/v3/participants/ecf/{id}";
    public const string Transfers = "/api/v3/participants/ecf/transfers";
    public const string ParticipantTransfers = "/api/v3/participants/ecf/{id}/transfers";
}
