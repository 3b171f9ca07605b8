using Ecf.Functions.Errors;

namespace Ecf.Functions.Hosting;

/// <summary>
/// The outermost middleware, ahead of the host filtering that ASP.NET Core's web defaults put first: the correlation id, and
/// <see cref="ErrorStatusPages"/> for any error status that left no body. So even a request refused for its Host header gets
/// both. Registered ahead of every other startup filter.
/// </summary>
public sealed class EdgeStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseStatusCodePages(ErrorStatusPages.WriteAsync);
        next(app);
    };
}
