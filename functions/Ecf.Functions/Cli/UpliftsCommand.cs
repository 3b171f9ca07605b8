using System.CommandLine;
using System.Globalization;
using Ecf.Application.Schools;
using Ecf.Application.Startup;

namespace Ecf.Functions.Cli;

/// <summary>
/// <c>ecf uplifts import --year 2024 --file X</c>: imports the yearly pupil premium and sparsity file
/// (<c>URN,Pupil Premium Incentive,Sparsity Incentive</c>) as the schools' uplifts for that cohort.
/// </summary>
internal static class UpliftsCommand
{
    public static Command Create(CommandLineContext context)
    {
        var year = new Option<int>("--year") { Description = "The cohort (start year) the file is for, e.g. 2024.", Required = true };
        var file = new Option<string>("--file") { Description = "The CSV file.", Required = true };
        var import = new Command("import", "Imports a pupil premium and sparsity file for a cohort.") { year, file };
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
            var result = await scope.ServiceProvider.GetRequiredService<ImportSchoolUpliftsHandler>().HandleAsync(parseResult.GetValue(year), stream, ct);
            if (!result.IsSuccess)
            {
                await context.Error.WriteLineAsync(result.Error!.Detail);
                return 1;
            }

            var import = result.Value;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Done: {import.Rows:N0} rows read, {import.Written:N0} schools written, {import.Unchanged:N0} unchanged, {import.UnknownUrns:N0} URNs not in the register, {import.Rejected.Count:N0} rejected."));
            foreach (var rejected in import.Rejected.Take(20))
            {
                await context.Output.WriteLineAsync($"  row {rejected.Row} (URN {rejected.Urn ?? "-"}): {rejected.Reason}");
            }

            return 0;
        }, cancellationToken));

        return new Command("uplifts", "Pupil premium and sparsity uplifts of schools.") { import };
    }
}
