namespace Ecf.Functions.Features.Partnerships;

public static class Routes
{
    public const string List = "/api/v3/partnerships/ecf";
    public const string One = "/api/v3/partnerships/ecf/{id}";
    public const string Challenge = "/api/admin/partnerships/{id}/challenge";
}
