using Ecf.Application.Startup;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Functions.Features.Admin;
using Ecf.Functions.Features.Contracts;
using Ecf.Functions.Features.Declarations;
using Ecf.Functions.Features.DeliveryPartners;
using Ecf.Functions.Features.Docs;
using Ecf.Functions.Features.Health;
using Ecf.Functions.Features.Orchestrations;
using Ecf.Functions.Features.ParticipantActions;
using Ecf.Functions.Features.Participants;
using Ecf.Functions.Features.Partnerships;
using Ecf.Functions.Features.People;
using Ecf.Functions.Features.Registrations;
using Ecf.Functions.Features.Schools;
using Ecf.Functions.Features.Statements;
using Ecf.Functions.Features.UnfundedMentors;
using Ecf.Functions.LocalTokens;
using Ecf.Functions.Requests;
using Ecf.Functions.Sandbox;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ecf.Functions.Hosting;

public static class ApiExtensions
{
    /// <summary>The HTTP surface: clock, auth, errors, OpenAPI, start-up work and the options they need.</summary>
    public static IServiceCollection AddEcfApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName)).ValidateOnStart();
        services.AddOptions<LocalTokensOptions>().Bind(configuration.GetSection(LocalTokensOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalTokensOptions>, LocalTokensOptionsValidator>();

        // One clock for everything; other registrations (TryAdd of TimeProvider.System) give way to it.
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(new SandboxTimeProvider(TimeProvider.System));
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<SandboxTimeProvider>());

        // The edge: correlation id and bodies for bare error statuses outermost; hosts from AllowedHosts (plus Azure's own host
        // name), refused with our body; absolute URLs from PublicBaseUrl, never from the Host header.
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, EdgeStartupFilter>());
        services.AddOptions<HostFilteringOptions>()
            .Configure(options => options.IncludeFailureMessage = false)
            .PostConfigure<IOptions<PublicUrlOptions>>((options, urls) =>
            {
                if (urls.Value.WebsiteHostName is { Length: > 0 } azureHost && !options.AllowedHosts.Contains("*"))
                {
                    options.AllowedHosts = [.. options.AllowedHosts, azureHost];
                }
            });
        services.AddOptions<PublicUrlOptions>().Bind(configuration)
            .Validate(options => PublicUrlOptions.IsValidBaseUrl(options.PublicBaseUrl), "PublicBaseUrl must be an absolute http or https URL without a query or fragment, such as https://ecf.example.org.")
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = CorrelationIdMiddleware.Get(context.HttpContext));
        // Unreadable bodies throw, so UnhandledExceptionMiddleware can answer them in the route's error format.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddEcfAuthorization();
        services.AddEcfOpenApi();

        services.AddSingleton<AzureFunctions.EndpointInvoker>();
        services.AddScoped<StoreInitializer>();
        services.AddSingleton<LocalTokenProvisioner>();
        services.AddHostedService<EcfStartupService>();
        return services;
    }

    /// <summary>Middleware in order, then every feature's endpoints.</summary>
    public static WebApplication UseEcfApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseEcfMiddleware(selectEndpoint: builder => builder.UseRouting());
        app.MapEcfEndpoints();
        return app;
    }

    /// <summary>
    /// The middleware between the edge and an endpoint, in order, for both hosts: the local host selects the endpoint by
    /// routing (<paramref name="selectEndpoint"/>); the Functions worker's <see cref="AzureFunctions.EndpointInvoker"/> has set
    /// it already and passes nothing.
    /// </summary>
    public static IApplicationBuilder UseEcfMiddleware(this IApplicationBuilder app, Action<IApplicationBuilder> selectEndpoint)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(selectEndpoint);
        // The correlation id and the bodies of bare error statuses come first, from EdgeStartupFilter.
        app.UseMiddleware<UnhandledExceptionMiddleware>();
        app.UseMiddleware<RequestSizeMiddleware>();
        selectEndpoint(app);
        app.UseAuthentication();
        app.UseAuthorization();

        // After authorization: only a caller allowed on the route gets its body read.
        app.UseMiddleware<JsonBodyMiddleware>();

        // After authentication: token checks and last_used_at follow the real clock; the endpoint sees the sandbox date.
        app.UseMiddleware<SandboxClockMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapEcfEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthFeature();
        endpoints.MapAdminFeature();
        endpoints.MapDocsFeature();
        endpoints.MapOrchestrationsFeature();
        var leadProviderApi = endpoints.MapLeadProviderApi();
        endpoints.MapSchoolsFeature(leadProviderApi);
        endpoints.MapPartnershipsFeature(leadProviderApi);
        endpoints.MapRegistrationsFeature();
        endpoints.MapPeopleFeature();
        leadProviderApi.MapParticipantsFeature();
        leadProviderApi.MapDeliveryPartnersFeature();
        leadProviderApi.MapUnfundedMentorsFeature();
        leadProviderApi.MapDeclarationsFeature();
        leadProviderApi.MapParticipantActions();
        endpoints.MapChangeContractYear();

        // Statements.
        leadProviderApi.MapStatements();

        // Finance: contract versions.
        endpoints.MapContractsFeature();

        foreach (var module in endpoints.ServiceProvider.GetServices<IEndpointModule>())
        {
            module.Map(endpoints);
        }

        return endpoints;
    }
}
