namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// The body of a 202 from a start, as Durable Functions' <c>CreateCheckStatusResponse</c> gives it: the instance id and the
/// management URLs this API supports. <c>{text}</c> in <see cref="TerminatePostUri"/> is a placeholder for the reason.
/// </summary>
public sealed record CheckStatusResponse(string Id, string StatusQueryGetUri, string TerminatePostUri, string PurgeHistoryDeleteUri)
{
    public static CheckStatusResponse For(HttpRequest request, string instanceId)
    {
        var status = Routes.InstanceUri(request, instanceId);
        return new CheckStatusResponse(instanceId, status, status + "/terminate?reason={text}", status);
    }
}
