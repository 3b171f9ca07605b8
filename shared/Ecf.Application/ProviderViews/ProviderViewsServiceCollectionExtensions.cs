using Ecf.Application.Declarations;
using Ecf.Application.Participants;
using Ecf.Application.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.ProviderViews;

public static class ProviderViewsServiceCollectionExtensions
{
    /// <summary>
    /// The provider views: the writers (<see cref="IProviderViewWriter"/>: declarations, then participants), the change-feed projector
    /// and its background service (options section <c>ProviderViews</c>), and the lead provider read handlers (participants, transfers,
    /// delivery partners, unfunded mentors, declarations), and the dependency projector (<see cref="ViewDependencyProjector"/>). Partnership and school facts
    /// default to none until the people feature registers its own.
    /// </summary>
    public static IServiceCollection AddEcfProviderViews(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ProviderViewProjectorOptions>().BindConfiguration(ProviderViewProjectorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IPartnershipFacts, NoPartnershipFacts>();
        services.TryAddSingleton<ISchoolFacts, NoSchoolFacts>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatementDocuments>();
        services.AddSingleton<DeclarationViewWriter>();
        services.AddSingleton<ProviderViewWriter>();
        // The participant writer last: where one IProviderViewWriter is resolved rather than all of them, it is that one.
        services.AddSingleton<IProviderViewWriter>(provider => provider.GetRequiredService<DeclarationViewWriter>());
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
        services.AddSingleton<ListDeclarationsHandler>();
        return services;
    }
}
