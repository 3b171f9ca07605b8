using Ecf.Functions.AzureFunctions;
using Ecf.Functions.Cli;
using Ecf.Functions.Hosting;

// `ecf tokens ...`, `ecf gias ...`: the command line, on the same composition as the app.
if (EcfCommandLine.Handles(args))
{
    return await EcfCommandLine.RunAsync(args);
}

// Started by the Azure Functions host: the isolated worker, every route, timer and orchestration a function (ADR 0010).
if (FunctionsWorkerHost.IsStartedByFunctionsHost(args, new ConfigurationBuilder().AddEnvironmentVariables().Build()))
{
    using var worker = FunctionsWorkerHost.Build(args);
    return await worker.RunEcfAsync();
}

// Otherwise the local host: the same endpoints on Kestrel, mapped by endpoint routing.
var builder = WebApplication.CreateBuilder(args);
builder.UseEcfLocalUrls();
builder.AddEcfServices();
builder.AddEcfTelemetry();

var app = builder.Build();
app.UseEcfApi();
return await app.RunEcfAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
