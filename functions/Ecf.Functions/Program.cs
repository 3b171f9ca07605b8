using Ecf.Functions.Cli;
using Ecf.Functions.Hosting;

// `ecf tokens ...`, `ecf functions ...`: the command line, on the same composition as the app.
if (EcfCommandLine.Handles(args))
{
    return await EcfCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddEcfServices();
builder.AddEcfTelemetry();

var app = builder.Build();
app.UseEcfApi();
return await app.RunEcfAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
