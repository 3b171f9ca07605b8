namespace Ecf.Functions.Cli;

/// <param name="Output">Where results go (stdout).</param>
/// <param name="Error">Where problems and logs go (stderr).</param>
/// <param name="Configure">Adjusts the builder before the composition runs (tests point it at their own store).</param>
public sealed record CommandLineContext(TextWriter Output, TextWriter Error, Action<WebApplicationBuilder>? Configure = null)
{
    public static CommandLineContext Console { get; } = new(System.Console.Out, System.Console.Error);
}
