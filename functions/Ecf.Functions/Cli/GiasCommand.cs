using System.CommandLine;
using System.Globalization;
using Ecf.Application.Startup;
using Ecf.LocalRuntime;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Gias;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Cli;

/// <summary>
/// <c>ecf gias import [--file X] [--links Y]</c>: runs the GiasImport orchestration in this process (the same orchestration the
/// timer and the HTTP API start) and draws its progress from the custom status until it ends.
/// </summary>
internal static class GiasCommand
{
    public static Command Create(CommandLineContext context)
    {
        var file = new Option<string?>("--file") { Description = "The edubasealldata CSV (path or http(s) URL); default: the configured extract." };
        var links = new Option<string?>("--links") { Description = "The links CSV (path or http(s) URL); default: the configured links file." };
        var import = new Command("import", "Imports a GIAS extract and its links, showing progress.") { file, links };
        import.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async (app, ct) =>
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(ct);
            }

            await using var durable = await LocalDurableRuntime.StartAsync(app.Services, ct);
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            {
                var input = new GiasImportInput(Absolute(parseResult.GetValue(file)), Absolute(parseResult.GetValue(links)));
                var id = await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.GiasImport, input, ct);
                await context.Output.WriteLineAsync($"GIAS import started (instance {id}).");
                while (true)
                {
                    var state = await client.GetInstanceAsync(id, getInputsAndOutputs: true, ct);
                    if (state?.ReadCustomStatusAs<GiasImportStatus>() is { } status)
                    {
                        await context.Output.WriteLineAsync(ProgressLine(status));
                    }

                    if (state is { IsCompleted: true })
                    {
                        if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                        {
                            await context.Error.WriteLineAsync($"The import ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
                            return 1;
                        }

                        var output = state.ReadOutputAs<GiasImportOutput>()!;
                        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"Done: {output.Read:N0} rows read, {output.Created:N0} created, {output.Updated:N0} updated, {output.Unchanged:N0} unchanged, " +
                            $"{output.RejectedCount:N0} rejected; links: {output.Links.Academised:N0} academised, {output.Links.Merged:N0} merged, {output.Links.Refused:N0} refused; {output.Written:N0} documents written."));
                        foreach (var rejected in output.Rejected.Take(20))
                        {
                            await context.Output.WriteLineAsync($"  row {rejected.Row} (URN {rejected.Urn ?? "-"}): {rejected.Reason}");
                        }

                        foreach (var rejected in output.Links.Rejected.Take(20))
                        {
                            await context.Output.WriteLineAsync($"  links row {rejected.Row} (URN {rejected.Urn ?? "-"}): {rejected.Reason}");
                        }

                        return 0;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                }
            }
        }, cancellationToken));

        return new Command("gias", "GIAS (schools register) tasks.") { import };
    }

    /// <summary>A path that exists from the current directory is made absolute; otherwise it resolves like other data paths (repository root).</summary>
    private static string? Absolute(string? location) =>
        location is null || Application.Gias.GiasSource.IsHttp(location) || !File.Exists(location) ? location : Path.GetFullPath(location);

    internal static string ProgressLine(GiasImportStatus status)
    {
        const int Width = 30;
        var fraction = status.Rows == 0 ? 0 : Math.Clamp((double)status.RowsRead / status.Rows, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {status.Phase,-9} {status.RowsRead:N0}/{status.Rows:N0} rows, {status.Changed:N0} changed, {status.Rejected:N0} rejected");
    }
}
