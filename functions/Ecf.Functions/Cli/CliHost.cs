using Ecf.Functions.Hosting;

namespace Ecf.Functions.Cli;

/// <summary>The app's composition, built but not started, for commands: same configuration, store, reference data and tokens.</summary>
internal static class CliHost
{
    public static WebApplication Build(CommandLineContext context)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.PostConfigure<LoggerFilterOptions>(filters =>
        {
            // Commands print their results; only warnings and errors are logged (to stderr), whatever appsettings say.
            filters.Rules.Clear();
            filters.MinLevel = LogLevel.Warning;
        });
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        context.Configure?.Invoke(builder);
        builder.AddEcfServices();

        var app = builder.Build();
        app.MapEcfEndpoints();
        return app;
    }
}
