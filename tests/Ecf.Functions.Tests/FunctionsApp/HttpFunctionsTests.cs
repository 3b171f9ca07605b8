using System.Net;
using System.Text;
using Ecf.Application.Tokens;
using Ecf.Functions.AzureFunctions;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Ecf.Functions.Tests.FunctionsApp;

/// <summary>The HTTP-triggered functions, called as the Functions worker calls them, answer as the local host's routes do.</summary>
public sealed class HttpFunctionsTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>
{
    [Fact]
    public async Task V3ListEcfSchools_LeadProviderToken_SameAnswerAsTheRoute()
    {
        await factory.AddSchoolAsync(140001);
        var token = await factory.CreateTokenAsync(ApiRoles.LeadProvider, "Ambition Institute");

        var route = await GetOverHttpAsync("/api/v3/schools/ecf?filter[cohort]=2025", token);
        var function = await InvokeAsync(HttpFunctions.V3ListEcfSchools, "/api/v3/schools/ecf", "?filter[cohort]=2025", token);

        Assert.Equal(HttpStatusCode.OK, route.Status);
        Assert.Equal(route, function);
    }

    [Fact]
    public async Task V3GetDeliveryPartner_RouteValue_ReachesTheEndpointAsOverHttp()
    {
        var (provider, partner) = await factory.ProviderWithPartnerAsync();
        var token = await factory.CreateTokenAsync(ApiRoles.LeadProvider, provider.Name);
        var path = $"/api/v3/delivery-partners/{partner.Id}";

        var route = await GetOverHttpAsync(path, token);
        var function = await InvokeAsync(HttpFunctions.V3GetDeliveryPartner, path, "", token);

        Assert.Equal(HttpStatusCode.OK, route.Status);
        Assert.Contains(partner.Id.ToString(), function.Body, StringComparison.Ordinal);
        Assert.Equal(route, function);
    }

    [Fact]
    public async Task V3ListEcfSchools_NoToken_401AsTheRoute()
    {
        var route = await GetOverHttpAsync("/api/v3/schools/ecf", token: null);
        var function = await InvokeAsync(HttpFunctions.V3ListEcfSchools, "/api/v3/schools/ecf", "", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, function.Status);
        Assert.Equal(route, function);
    }

    [Fact]
    public async Task V3ListEcfSchools_AdminToken_403AsTheRoute()
    {
        var token = await factory.CreateTokenAsync(ApiRoles.Admin);

        var route = await GetOverHttpAsync("/api/v3/schools/ecf", token);
        var function = await InvokeAsync(HttpFunctions.V3ListEcfSchools, "/api/v3/schools/ecf", "", token);

        Assert.Equal(HttpStatusCode.Forbidden, function.Status);
        Assert.Equal(route, function);
    }

    [Fact]
    public async Task EndpointInvoker_UnknownName_ThrowsNamingIt()
    {
        using var _ = factory.CreateClient();
        var context = new DefaultHttpContext { RequestServices = factory.Services };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EndpointInvoker.InvokeAsync(context.Request, "NoSuchEndpoint"));

        Assert.Contains("NoSuchEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--functions-uri", "http://127.0.0.1:5000/" }, null, true)]
    [InlineData(new[] { "--functions-uri=http://127.0.0.1:5000/" }, null, true)]
    [InlineData(new string[0], "http://127.0.0.1:5000/", true)]
    [InlineData(new[] { "--urls", "http://localhost:7071" }, null, false)]
    [InlineData(new string[0], null, false)]
    public void IsStartedByFunctionsHost_ArgumentsAndEnvironment_DetectsTheFunctionsHost(string[] args, string? hostEndpoint, bool expected)
    {
        var environment = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FunctionsWorkerHost.HostEndpointKey] = hostEndpoint })
            .Build();

        Assert.Equal(expected, FunctionsWorkerHost.IsStartedByFunctionsHost(args, environment));
    }

    private async Task<(HttpStatusCode Status, string Body)> GetOverHttpAsync(string pathAndQuery, string? token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Calls the function method with a request on a scope of the app's services, as the worker binds it, and runs the result it returns.</summary>
    private async Task<(HttpStatusCode Status, string Body)> InvokeAsync(Func<HttpRequest, Task<IResult>> function, string path, string query, string? token)
    {
        using var _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        using var body = new MemoryStream();
        context.Response.Body = body;

        var result = await function(context.Request);
        await result.ExecuteAsync(context);

        return ((HttpStatusCode)context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }
}
