using System.CommandLine;
using Ecf.Functions.Functions;

namespace Ecf.Functions.Cli;

/// <summary><c>ecf functions generate --output &lt;dir&gt;</c>: one <c>&lt;Name&gt;/function.json</c> per endpoint, for the Functions custom handler.</summary>
internal static class FunctionsCommand
{
    public static Command Create(CommandLineContext context)
    {
        var output = new Option<string>("--output")
        {
            Description = "The folder to write into, e.g. the publish folder.",
            Required = true,
        };
        var generate = new Command("generate", "Writes the Azure Functions function.json files of every endpoint.") { output };
        generate.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async (app, ct) =>
        {
            var functions = FunctionTable.From(((IEndpointRouteBuilder)app).DataSources);
            var directory = Path.GetFullPath(parseResult.GetValue(output)!);
            FunctionTable.Write(directory, functions);
            await context.Output.WriteLineAsync($"Wrote {functions.Count} functions to {directory}:");
            foreach (var function in functions)
            {
                await context.Output.WriteLineAsync($"  {function.Name,-24} {string.Join(",", function.Methods),-12} {function.Route}");
            }

            return 0;
        }, cancellationToken));

        return new Command("functions", "Azure Functions packaging.") { generate };
    }
}
