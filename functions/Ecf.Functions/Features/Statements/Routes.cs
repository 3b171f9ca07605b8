namespace Ecf.Functions.Features.Statements;

/// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
public static class Routes
{
    public const string Statements = "/statements";
    public const string Statement = "/statements/{id}";
}
