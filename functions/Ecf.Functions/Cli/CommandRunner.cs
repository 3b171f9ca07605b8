using Ecf.Storage;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Cli;

/// <summary>Builds the composition for one command and turns expected failures into a message and exit code 1.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CommandLineContext context, Func<WebApplication, CancellationToken, Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = CliHost.Build(context);
            return await command(app, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync($"The configuration is invalid: {string.Join(" ", ex.Failures)}");
            return 1;
        }
        catch (DocumentStoreException ex)
        {
            await context.Error.WriteLineAsync($"The store failed: {ex.Message}");
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            await context.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
