using Ecf.Application.ProviderViews;
using Ecf.Functions.Features.DeliveryPartners;
using Ecf.Functions.Features.UnfundedMentors;

namespace Ecf.Functions.Features.Participants;

/// <summary>The lead provider read API over the provider views: participants, transfers, delivery partners, unfunded mentors.</summary>
public static class ParticipantsFeature
{
    public static WebApplicationBuilder AddProviderViewsFeature(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfProviderViews();
        return builder;
    }

    public static IEndpointRouteBuilder MapProviderViewsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapListParticipants();
        endpoints.MapListTransfers();
        endpoints.MapGetParticipant();
        endpoints.MapGetParticipantTransfers();
        endpoints.MapDeliveryPartners();
        endpoints.MapUnfundedMentors();
        return endpoints;
    }
}
