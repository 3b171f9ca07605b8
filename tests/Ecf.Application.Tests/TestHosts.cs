using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.Schools;
using Ecf.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Tests;

/// <summary>The store hosts these tests run on.</summary>
internal static class TestHosts
{
    /// <param name="now">The clock's start.</param>
    /// <param name="providerViews">Also the provider views (registrations and partnership changes then project them).</param>
    public static Task<StoreHost> PeopleAsync(DateTimeOffset? now = null, bool providerViews = false) => StoreHost.StartAsync(
        services =>
        {
            services.AddEcfPeople().AddSingleton<GetEcfSchoolHandler>().AddSingleton<ImportSchoolUpliftsHandler>();
            if (providerViews)
            {
                services.AddEcfProviderViews();
            }
        },
        now);
}
