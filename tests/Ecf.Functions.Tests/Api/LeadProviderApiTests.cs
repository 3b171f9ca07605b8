using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Ecf.Functions.Tests.Api;

/// <summary>The lead provider API is one group: every route under /api/v3 carries its policy and its marker, and no other route does.</summary>
public sealed class LeadProviderApiTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public void Routes_UnderApiV3_EveryOneCarriesTheLeadProviderPolicyAndTheMarker()
    {
        // Arrange
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // Act
        var v3 = endpoints.Where(e => e.RoutePattern.RawText!.StartsWith(LeadProviderApi.Prefix + "/", StringComparison.OrdinalIgnoreCase)).ToList();
        var marked = endpoints.Where(e => e.Metadata.GetMetadata<LeadProviderApiMetadata>() is not null).ToList();

        // Assert
        Assert.True(v3.Count >= 14, $"Only {v3.Count} routes under {LeadProviderApi.Prefix}.");
        Assert.Equal(v3, marked);
        Assert.All(v3, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == EcfPolicies.LeadProvider));
        Assert.All(v3, e => Assert.DoesNotContain(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy is not null && a.Policy != EcfPolicies.LeadProvider));
    }
}
