using System.CommandLine;

namespace Ecf.Functions.Cli;

/// <summary>The <c>ecf</c> command line (System.CommandLine), dispatched from Program when the first argument is a command.</summary>
public static class EcfCommandLine
{
    public static IReadOnlyList<string> Commands { get; } = ["tokens", "gias", "uplifts", "contracts"];

    /// <summary>The help options System.CommandLine answers; with one of them first, the command line prints help and nothing is served.</summary>
    public static IReadOnlyList<string> HelpOptions { get; } = ["--help", "-h", "-?", "/?"];

    public static bool Handles(string[] args) =>
        args is [var first, ..] && (Commands.Contains(first, StringComparer.Ordinal) || HelpOptions.Contains(first, StringComparer.Ordinal));

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CommandLineContext.Console);

    public static Task<int> RunAsync(string[] args, CommandLineContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand($"Ecf.Functions command line. Without a command, the app serves HTTP on http://localhost:{Hosting.ApiLimits.DefaultPort}; choose the address with --urls <url> or ASPNETCORE_URLS.")
        {
            TokensCommand.Create(context),
            GiasCommand.Create(context),
            UpliftsCommand.Create(context),
            ContractsCommand.Create(context),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }, cancellationToken);
    }
}
