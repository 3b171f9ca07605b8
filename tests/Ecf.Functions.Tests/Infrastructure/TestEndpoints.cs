using Ecf.Functions.Hosting;

namespace Ecf.Functions.Tests.Infrastructure;

/// <summary>Probe endpoints registered only in tests: one that fails unexpectedly, and a v3 route that binds JSON.</summary>
public sealed class TestEndpoints : IEndpointModule
{
    public const string Throw = "/api/test/throw";
    public const string V3Echo = "/api/v3/test/echo";
    public const string SecretInException = "connection string Password=hunter2";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Throw, IResult () => throw new InvalidOperationException("Boom: " + SecretInException))
            .WithName("TestThrow");
        endpoints.MapPost(V3Echo, (EchoBody body) => Results.Ok(body))
            .WithName("TestV3Echo");
    }

    public sealed record EchoBody(string Name, int Count);
}
