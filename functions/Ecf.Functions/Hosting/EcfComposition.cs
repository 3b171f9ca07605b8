using Ecf.Application.ReferenceData;
using Ecf.Application.Tokens;
using Ecf.Functions.AzureFunctions;
using Ecf.Functions.Features.Contracts;
using Ecf.Functions.Features.Declarations;
using Ecf.Functions.Features.Participants;
using Ecf.Functions.Features.People;
using Ecf.Functions.Features.Schools;
using Ecf.Functions.Features.Statements;
using Ecf.LocalRuntime;
using Ecf.Orchestrations;
using Ecf.Storage;
using Ecf.Storage.Files;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ecf.Functions.Hosting;

/// <summary>The one composition of the process, shared by the local web application, the Azure Functions worker and the command line.</summary>
public static class EcfComposition
{
    /// <summary>Every service of the app, for the local host (the default, also the command line's) or the Azure Functions worker.</summary>
    public static IHostApplicationBuilder AddEcfServices(this IHostApplicationBuilder builder, EcfHostKind host = EcfHostKind.Local)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureEcfHosting();
        if (host == EcfHostKind.Local)
        {
            // First: Azurite (when the local durable backend is Azurite) listens before anything that uses it starts.
            builder.Services.AddEcfLocalAzurite(builder.Configuration);
        }

        builder.Services
            .AddEcfStorage(builder.Configuration)
            .AddEcfReferenceData()
            .AddEcfTokens(builder.Configuration)
            .AddEcfApi(builder.Configuration);
        if (host == EcfHostKind.Local)
        {
            // After AddEcfApi: hosted services start in order, so the durable task hub, its worker and the timer functions start
            // once EcfStartupService has created the containers.
            builder.Services
                .AddEcfLocalDurableTask(builder.Configuration, EcfOrchestrations.Register, DurableJson.Converter)
                .AddEcfTimerFunctions(builder.Configuration)
                .AddHostedService<GiasFirstStartImport>();
        }
        else
        {
            // In Azure the Durable Functions extension runs orchestrations, timers start them, and the client comes from the binding.
            builder.Services.AddEcfFunctionsDurableClient();
        }

        builder.AddSchoolsFeature();
        builder.AddProviderViewsFeature();
        builder.AddPeopleFeature();
        builder.AddDeclarationsFeature();
        builder.AddStatementsFeature();
        builder.AddContractsFeature();
        return builder;
    }

    /// <summary>The local web application's listening address: --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS, else the local default.</summary>
    public static WebApplicationBuilder UseEcfLocalUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls($"http://localhost:{ApiLimits.DefaultPort}");
        }

        return builder;
    }

    /// <summary>Request limits, and data paths made absolute.</summary>
    public static IHostApplicationBuilder ConfigureEcfHosting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxRequestBodyBytes);

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
    public static async Task<int> RunEcfAsync(this IHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Started outside the disposal below: a host that fails to start is not disposed here, so the start's own exception is
        // what the caller sees (a disposal racing with it, as Host.RunAsync's would, could surface as ObjectDisposedException).
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Ecf.Functions cannot start, the configuration is invalid: {string.Join(" ", ex.Failures)}").ConfigureAwait(false);
            throw;
        }

        try
        {
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (app is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                app.Dispose();
            }
        }
    }
}

/// <summary>Which host the composition is for.</summary>
public enum EcfHostKind
{
    /// <summary>The local host (and the command line): Kestrel, the local durable runtime and timers.</summary>
    Local,

    /// <summary>The Azure Functions isolated worker: the Functions host triggers routes, timers, orchestrations and activities.</summary>
    FunctionsWorker,
}
