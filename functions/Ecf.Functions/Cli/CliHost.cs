using Ecf.Functions.Hosting;

namespace Ecf.Functions.Cli;

/// <summary>The app's composition, built but not started, for commands: same configuration, store, reference data and tokens.</summary>
internal static class CliHost
{
    public static WebApplication Build(CommandLineContext context)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        context.Configure?.Invoke(builder);
        builder.AddEcfServices();

        var app = builder.Build();
        app.MapEcfEndpoints();
        return app;
    }
}
