using System.CommandLine;
using Ecf.Application.Contracts;
using Ecf.Application.Startup;

namespace Ecf.Functions.Cli;

/// <summary>
/// <c>ecf contracts import --file X [--kind ecf|mentor] --applies-from 2025-11 --reason "..."</c>: imports ECF's call-off (or mentor)
/// contract CSV into the configured store as <c>POST /api/finance/contracts/{kind}/import</c> does: all rows or none.
/// </summary>
internal static class ContractsCommand
{
    public static Command Create(CommandLineContext context)
    {
        var file = new Option<string>("--file") { Description = "The CSV file, in ECF's contract import format.", Required = true };
        var kind = new Option<string>("--kind") { Description = "ecf (the call-off contract file, the default) or mentor.", DefaultValueFactory = _ => ContractKinds.Ecf };
        kind.AcceptOnlyFromAmong(ContractKinds.Ecf, ContractKinds.Mentor);
        var appliesFrom = new Option<string>("--applies-from") { Description = "The first statement month the versions apply to, yyyy-MM.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the contracts change (kept with each version).", Required = true };
        var import = new Command("import", "Imports a contract CSV: one new version per row, all rows or none.") { file, kind, appliesFrom, reason };
        import.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async (app, ct) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                await context.Error.WriteLineAsync($"No file at {path}.");
                return 1;
            }

            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(ct);
            await using var stream = File.OpenRead(path);
            var result = await scope.ServiceProvider.GetRequiredService<ContractVersions>().ImportAsync(
                parseResult.GetValue(kind)!,
                stream,
                new ContractField("--applies-from", parseResult.GetValue(appliesFrom)),
                new ContractField("--reason", parseResult.GetValue(reason)),
                $"cli:{Environment.UserName}",
                ct);
            if (!result.IsSuccess)
            {
                foreach (var error in result.Errors)
                {
                    await context.Error.WriteLineAsync($"{error.Code} {error.Detail}");
                }

                return 1;
            }

            await context.Output.WriteLineAsync($"Done: {result.Value.Count} contract versions created.");
            foreach (var version in result.Value)
            {
                await context.Output.WriteLineAsync($"  {version.Id} from {version.AppliesFrom}");
            }

            return 0;
        }, cancellationToken));

        return new Command("contracts", "Lead providers' contract versions.") { import };
    }
}
