using System.Globalization;
using Ecf.Application.ReferenceData;
using Ecf.Application.Tokens;
using Ecf.Functions.Features.Participants;
using Ecf.Functions.Features.People;
using Ecf.Functions.Features.Schools;
using Ecf.LocalRuntime;
using Ecf.Orchestrations;
using Ecf.Storage;
using Ecf.Storage.Files;

namespace Ecf.Functions.Hosting;

/// <summary>The one composition of the process, shared by the HTTP app and the command line.</summary>
public static class EcfComposition
{
    public static WebApplicationBuilder AddEcfServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureEcfHosting();
        builder.Services
            // First: Azurite (when the local durable backend is Azurite) listens before anything that uses it starts.
            .AddEcfLocalAzurite(builder.Configuration)
            .AddEcfStorage(builder.Configuration)
            .AddEcfReferenceData()
            .AddEcfTokens(builder.Configuration)
            .AddEcfApi(builder.Configuration)
            // After AddEcfApi: hosted services start in order, so the durable task hub, its worker and the timer functions start
            // once EcfStartupService has created the containers.
            .AddEcfLocalDurableTask(builder.Configuration, EcfOrchestrations.Register)
            .AddEcfTimerFunctions(builder.Configuration);
        builder.AddSchoolsFeature();
        builder.AddProviderViewsFeature();
        builder.AddPeopleFeature();
        return builder;
    }

    /// <summary>Listening address, request limits, and data paths made absolute.</summary>
    public static WebApplicationBuilder ConfigureEcfHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;

        var customHandlerPort = configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        if (!string.IsNullOrWhiteSpace(customHandlerPort))
        {
            // Azure Functions custom handler: the host forwards requests to this port on loopback.
            if (!int.TryParse(customHandlerPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"FUNCTIONS_CUSTOMHANDLER_PORT must be a port number, not '{customHandlerPort}'.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            // Nothing chosen (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS): the local default.
            builder.WebHost.UseUrls($"http://localhost:{ApiLimits.DefaultPort}");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxRequestBodyBytes);

        // Relative data paths (SQLite file, file store) resolve against the repository root when run from a checkout.
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.PostConfigure<StorageOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.Sqlite.Path))
            {
                options.Sqlite.Path = EcfPaths.Resolve(options.Sqlite.Path, contentRoot);
            }
        });
        builder.Services.PostConfigure<FileStoreOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.Root))
            {
                options.Root = EcfPaths.Resolve(options.Root, contentRoot);
            }
        });

        return builder;
    }

    /// <summary>
    /// Runs the app. A configuration that fails validation on start is reported first in one plain line naming the
    /// setting, then rethrown so the process fails (and a test host sees the real exception).
    /// </summary>
    public static async Task<int> RunEcfAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Ecf.Functions cannot start, the configuration is invalid: {string.Join(" ", ex.Failures)}").ConfigureAwait(false);
            throw;
        }
    }
}
