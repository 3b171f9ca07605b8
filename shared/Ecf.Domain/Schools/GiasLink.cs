namespace Ecf.Domain.Schools;

/// <summary>One row of the GIAS links file: <c>URN, LinkURN, LinkName, LinkType, LinkEstablishedDate</c>.</summary>
/// <param name="Row">Its row number in the links file (header = row 1); 0 when not read from a file.</param>
public sealed record GiasLink(int Urn, int LinkUrn, string? LinkName, string LinkType, DateOnly? EstablishedOn, int Row = 0)
{
    public const string Successor = "Successor";
    public const string SuccessorMerged = "Successor - merged";
    public const string SuccessorAmalgamated = "Successor - amalgamated";

    public bool IsSuccessorType => LinkType.StartsWith(Successor, StringComparison.OrdinalIgnoreCase);

    public bool IsSimpleSuccessor => string.Equals(LinkType.Trim(), Successor, StringComparison.OrdinalIgnoreCase);

    public bool IsMerge =>
        string.Equals(LinkType.Trim(), SuccessorMerged, StringComparison.OrdinalIgnoreCase)
        || string.Equals(LinkType.Trim(), SuccessorAmalgamated, StringComparison.OrdinalIgnoreCase);
}
