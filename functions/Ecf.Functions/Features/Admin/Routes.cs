namespace Ecf.Functions.Features.Admin;

public static class Routes
{
    public const string Tokens = "/api/admin/tokens";
}
