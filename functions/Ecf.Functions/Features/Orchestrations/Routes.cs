using Ecf.Functions.Hosting;

namespace Ecf.Functions.Features.Orchestrations;

public static class Routes
{
    public const string Orchestrations = "/api/orchestrations";
    public const string Start = "/api/orchestrations/{name}";
    public const string Instance = "/api/orchestrations/{instanceId}";
    public const string Terminate = "/api/orchestrations/{instanceId}/terminate";

    /// <summary>The status resource of an instance, absolute (from the configured public URL), for Location headers and check-status bodies.</summary>
    public static string InstanceUri(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Absolute($"{Orchestrations}/{Uri.EscapeDataString(instanceId)}");
    }
}
