using Ecf.Application.ProviderViews;

namespace Ecf.Functions.Features.Participants;

/// <summary>The provider's ECF participants and transfers (v3), read from its provider views.</summary>
public static class ParticipantsFeature
{
    /// <summary>The provider views, which serve this feature, delivery partners and unfunded mentors.</summary>
    public static IHostApplicationBuilder AddProviderViewsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEcfProviderViews();
        return builder;
    }

    public static IEndpointRouteBuilder MapParticipantsFeature(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapListParticipants();
        leadProviderApi.MapListTransfers();
        leadProviderApi.MapGetParticipant();
        leadProviderApi.MapGetParticipantTransfers();
        return leadProviderApi;
    }
}
