namespace Ecf.Domain.Schools;

/// <summary>GIAS <c>EstablishmentStatus (code)</c>: 1 Open, 2 Closed, 3 Open but proposed to close, 4 Proposed to open.</summary>
public static class GiasEstablishmentStatus
{
    public const string Open = "1";
    public const string Closed = "2";
    public const string OpenProposedToClose = "3";
    public const string ProposedToOpen = "4";

    public static bool IsOpen(string statusCode) => statusCode is Open or OpenProposedToClose;

    public static bool IsClosed(string statusCode) => statusCode == Closed;
}
