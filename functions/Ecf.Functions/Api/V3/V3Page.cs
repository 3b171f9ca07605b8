namespace Ecf.Functions.Api.V3;

/// <summary>A page request: <c>page[page]</c> (from 1) and <c>page[per_page]</c> (1..<see cref="MaxPerPage"/>).</summary>
public readonly record struct V3Page(int Number, int PerPage)
{
    public const int DefaultPerPage = 100;

    public const int MaxPerPage = 3000;

    public static V3Page Default => new(1, DefaultPerPage);
}
