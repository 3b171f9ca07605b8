namespace Ecf.Functions.Features.Health;

public static class Routes
{
    public const string Health = "/api/health";
}
