namespace Ecf.Functions.Features.Declarations;

/// <summary>Relative to the lead provider API (<c>/api/v3</c>).</summary>
public static class Routes
{
    public const string Declarations = "/participant-declarations";
    public const string Declaration = "/participant-declarations/{id}";
    public const string Void = "/participant-declarations/{id}/void";
}
