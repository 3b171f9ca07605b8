using System.Globalization;
using System.Text;
using System.Text.Json;
using Ecf.Application.ReferenceData;
using Ecf.Application.Tokens;
using Ecf.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.LocalTokens;

/// <summary>
/// Local development: one token per role, and one <c>lead_provider</c> token per lead provider, written to the local tokens
/// file and printed. Tokens already in the file are kept while they still verify, so the file stays valid across restarts.
/// </summary>
public sealed class LocalTokenProvisioner(
    IServiceScopeFactory scopes,
    IOptions<LocalTokensOptions> options,
    IHostEnvironment environment,
    ILogger<LocalTokenProvisioner> logger)
{
    public const string Description = "Local development token (made on start)";

    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    public string FilePath => EcfPaths.Resolve(options.Value.File, environment.ContentRootPath);

    public async Task<IReadOnlyList<LocalToken>> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var path = FilePath;
        var existing = await ReadFileAsync(path, cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var referenceData = scope.ServiceProvider.GetRequiredService<IReferenceData>();
        var verify = scope.ServiceProvider.GetRequiredService<VerifyApiTokenHandler>();
        var create = scope.ServiceProvider.GetRequiredService<CreateApiTokenHandler>();

        var wanted = new List<(string Role, string? Provider, Guid? ProviderId)>
        {
            (ApiRoles.SchoolService, null, null),
            (ApiRoles.Finance, null, null),
            (ApiRoles.Admin, null, null),
        };
        var providers = await referenceData.GetLeadProvidersAsync(cancellationToken);
        wanted.AddRange(providers.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (ApiRoles.LeadProvider, (string?)p.Name, (Guid?)p.Id)));

        var tokens = new List<LocalToken>();
        var reused = 0;
        foreach (var (role, provider, providerId) in wanted)
        {
            var candidate = existing.FirstOrDefault(t => t.Role == role && t.LeadProviderId == providerId);
            if (candidate is not null && await verify.HandleAsync(candidate.Token, cancellationToken) is { } verified
                && verified.Role == role && verified.LeadProviderId == providerId)
            {
                tokens.Add(candidate with { LeadProvider = provider });
                reused++;
                continue;
            }

            var created = await create.HandleAsync(new CreateApiTokenCommand(role, provider, Description), cancellationToken);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Could not create the local {role} token: {created.Error.Detail}");
            }

            tokens.Add(new LocalToken(role, provider, providerId, created.Value.Token));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(tokens, FileJson) + "\n", cancellationToken);

        logger.LogInformation(
            "Local API tokens ({Reused} reused, {Created} new), also in {File}:{NewLine}{Table}",
            reused,
            tokens.Count - reused,
            path,
            Environment.NewLine,
            FormatTable(tokens));
        return tokens;
    }

    public static string FormatTable(IReadOnlyList<LocalToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var rows = tokens.Select(t => (t.Role, Provider: t.LeadProvider ?? "-", t.Token)).ToList();
        var roleWidth = Math.Max("role".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Role.Length));
        var providerWidth = Math.Max("lead provider".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Provider.Length));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {"role".PadRight(roleWidth)}  {"lead provider".PadRight(providerWidth)}  token").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  {new string('-', roleWidth)}  {new string('-', providerWidth)}  {new string('-', 43)}").AppendLine();
        foreach (var (role, provider, token) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {role.PadRight(roleWidth)}  {provider.PadRight(providerWidth)}  {token}").AppendLine();
        }

        return text.ToString();
    }

    private async Task<IReadOnlyList<LocalToken>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<List<LocalToken>>(stream, FileJson, cancellationToken) ?? [];
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignoring {File}, which is not a local tokens file ({Reason}); new tokens will replace it.", path, ex.Message);
            return [];
        }
    }
}
