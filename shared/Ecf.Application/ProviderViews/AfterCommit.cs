using Ecf.Storage;
using Microsoft.Extensions.Logging;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Runs the derived writes that follow a committed change on the request path (provider views, a partnership's index and view,
/// re-projection of dependents). The change-feed projectors repair them when they fail, so a store failure here is logged, not
/// returned: the caller's change is committed, and its response must say so rather than invite a retry of something done.
/// </summary>
public sealed partial class AfterCommit(ILogger<AfterCommit> logger)
{
    public async Task RunAsync(string what, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex)
        {
            LogFailed(logger, ex, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "After a committed change, {What} failed; the projectors will repair it.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
