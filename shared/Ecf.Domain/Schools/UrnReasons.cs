namespace Ecf.Domain.Schools;

public static class UrnReasons
{
    public const string Opened = "opened";
    public const string Successor = "successor";
}
