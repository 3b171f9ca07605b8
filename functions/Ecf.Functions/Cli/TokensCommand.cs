using System.CommandLine;
using Ecf.Application.Startup;
using Ecf.Application.Tokens;

namespace Ecf.Functions.Cli;

/// <summary><c>ecf tokens create --role &lt;role&gt; [--lead-provider &lt;name&gt;] [--description &lt;text&gt;]</c>.</summary>
internal static class TokensCommand
{
    public static Command Create(CommandLineContext context)
    {
        var role = new Option<string>("--role")
        {
            Description = $"The token's role: {string.Join(", ", ApiRoles.All)}.",
            Required = true,
        };
        var leadProvider = new Option<string?>("--lead-provider")
        {
            Description = "The lead provider's name (lead_provider tokens only), e.g. \"Ambition Institute\".",
        };
        var description = new Option<string?>("--description")
        {
            Description = "Who or what the token is for.",
        };

        var create = new Command("create", "Creates an API token and prints it. It is shown only once; only its digest is stored.")
        {
            role,
            leadProvider,
            description,
        };
        create.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async (app, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<CreateApiTokenHandler>().HandleAsync(
                new CreateApiTokenCommand(parseResult.GetValue(role)!, parseResult.GetValue(leadProvider), parseResult.GetValue(description)),
                ct);
            if (!result.IsSuccess)
            {
                await context.Error.WriteLineAsync($"Cannot create the token: {result.Error.Detail}");
                return 1;
            }

            var summary = result.Value.Summary;
            var owner = summary.LeadProviderName is null ? "" : $" for {summary.LeadProviderName}";
            await context.Output.WriteLineAsync($"Created a {summary.Role} token{owner} (token id {summary.TokenId}).");
            await context.Output.WriteLineAsync("Copy it now: it is not stored and will not be shown again.");
            await context.Output.WriteLineAsync();
            await context.Output.WriteLineAsync(result.Value.Token);
            return 0;
        }, cancellationToken));

        return new Command("tokens", "Manage API tokens.") { create };
    }
}
