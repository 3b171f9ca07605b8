using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Orchestrations;

/// <summary>The real app with its durable host running, polling often so tests finish quickly.</summary>
public sealed class OrchestrationsAppFactory : EcfAppFactory
{
    public OrchestrationsAppFactory()
    {
        Settings["Durable:MaxPollInterval"] = "00:00:00.050";
        Settings["Durable:LeaseDuration"] = "00:00:05";
    }
}
