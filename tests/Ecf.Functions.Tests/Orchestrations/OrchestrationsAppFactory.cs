using Ecf.Functions.Tests.Infrastructure;

namespace Ecf.Functions.Tests.Orchestrations;

/// <summary>The real app with its durable task hub and worker running (in memory, as every <see cref="EcfAppFactory"/>).</summary>
public sealed class OrchestrationsAppFactory : EcfAppFactory;
