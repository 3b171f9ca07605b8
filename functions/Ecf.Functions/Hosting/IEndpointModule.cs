namespace Ecf.Functions.Hosting;

/// <summary>
/// Endpoints contributed through DI rather than a feature folder, mapped after the features. The app registers none;
/// tests use it to add probe endpoints (for example one that throws) without shipping them.
/// </summary>
public interface IEndpointModule
{
    void Map(IEndpointRouteBuilder endpoints);
}
