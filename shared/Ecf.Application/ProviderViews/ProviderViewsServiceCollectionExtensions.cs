using Ecf.Application.Participants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.ProviderViews;

public static class ProviderViewsServiceCollectionExtensions
{
    /// <summary>
    /// The provider views: the writer (<see cref="IProviderViewWriter"/>), the change-feed projector and its background service
    /// (options section <c>ProviderViews</c>), and the lead provider read handlers (participants, transfers, delivery partners,
    /// unfunded mentors), and the dependency projector (<see cref="ViewDependencyProjector"/>). Partnership and school facts
    /// default to none until the people feature registers its own.
    /// </summary>
    public static IServiceCollection AddEcfProviderViews(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ProviderViewProjectorOptions>().BindConfiguration(ProviderViewProjectorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IPartnershipFacts, NoPartnershipFacts>();
        services.TryAddSingleton<ISchoolFacts, NoSchoolFacts>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProviderViewWriter>();
        services.AddSingleton<IProviderViewWriter>(provider => provider.GetRequiredService<ProviderViewWriter>());
        services.AddSingleton<ProviderViewProjector>();
        services.AddSingleton<ProviderViewDependents>();
        services.AddSingleton<ViewDependencyProjector>();
        services.AddHostedService<ProviderViewProjectorService>();
        services.AddSingleton<PageCursorCache>();
        services.AddSingleton<KeysetPager>();
        services.AddSingleton<ListParticipantsHandler>();
        services.AddSingleton<GetParticipantHandler>();
        services.AddSingleton<ListTransfersHandler>();
        services.AddSingleton<ListDeliveryPartnersHandler>();
        services.AddSingleton<ListUnfundedMentorsHandler>();
        return services;
    }
}
