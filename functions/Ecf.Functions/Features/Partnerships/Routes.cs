namespace Ecf.Functions.Features.Partnerships;

public static class Routes
{
    /// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
    public const string List = "/partnerships/ecf";

    /// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
    public const string One = "/partnerships/ecf/{id}";

    public const string Challenge = "/api/admin/partnerships/{id}/challenge";
}
