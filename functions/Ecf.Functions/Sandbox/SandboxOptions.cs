namespace Ecf.Functions.Sandbox;

/// <summary>Sandbox behaviour, as ECF's sandbox environment. Section <c>Sandbox</c>. Off in production.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>When true, a request's <c>X-With-Server-Date</c> header sets the server's clock for that request.</summary>
    public bool Enabled { get; set; }
}
