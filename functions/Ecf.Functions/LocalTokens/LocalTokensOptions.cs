namespace Ecf.Functions.LocalTokens;

/// <summary>Tokens made on start for local development. Section <c>LocalTokens</c>. Refused in Production.</summary>
public sealed class LocalTokensOptions
{
    public const string SectionName = "LocalTokens";

    public bool Enabled { get; set; }

    /// <summary>Where the tokens are written (JSON); relative paths resolve like the SQLite file (repository root or content root).</summary>
    public string File { get; set; } = ".data/local-tokens.json";
}
