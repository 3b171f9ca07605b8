using Ecf.Application.Archive;
using Ecf.Application.Partnerships;
using Ecf.Application.ProviderViews;
using Ecf.Application.Registrations;
using Ecf.Application.Schools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecf.Application.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>
    /// People, registrations and partnerships: documents, handlers, the partnership and school facts the provider-view projection
    /// reads, and the repair of derived partnership documents the dependency projector runs.
    /// </summary>
    public static IServiceCollection AddEcfPeople(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchoolDocuments>();
        services.AddSingleton<PersonDocuments>();
        services.AddSingleton<PartnershipDocuments>();
        services.TryAddSingleton<AfterCommit>();
        services.RemoveAll<IPartnershipFacts>();
        services.AddSingleton<IPartnershipFacts, PartnershipFacts>();
        services.RemoveAll<ISchoolFacts>();
        services.AddSingleton<ISchoolFacts, SchoolFacts>();
        services.AddSingleton<IPartnershipFactsRepair, PartnershipDerivedRepair>();
        services.AddScoped<RegisterParticipantHandler>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<GetPersonTimelineHandler>();
        services.AddSingleton<RefreshParticipantStatusesHandler>(); // a durable activity: resolved from the root provider
        services.AddSingleton<ArchiveDocuments>();
        services.AddSingleton<ArchivedPersonViews>();
        services.AddSingleton<ArchiveFrozenContractYearHandler>(); // a durable activity, as above
        services.AddScoped<CreatePartnershipHandler>();
        services.AddScoped<UpdatePartnershipHandler>();
        services.AddScoped<ChallengePartnershipHandler>();
        services.AddScoped<GetPartnershipHandler>();
        services.AddScoped<ListPartnershipsHandler>();
        services.AddScoped<SchoolCohortsHandler>();
        return services;
    }
}
