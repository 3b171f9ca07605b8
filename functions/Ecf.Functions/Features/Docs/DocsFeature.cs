using Microsoft.OpenApi;

namespace Ecf.Functions.Features.Docs;

/// <summary>The OpenAPI document and Swagger UI, both anonymous, both endpoints (so the function table covers them).</summary>
public static class DocsFeature
{
    public const string OpenApiFunctionName = "OpenApiDocument";
    public const string SwaggerUiFunctionName = "ApiDocs";
    public const string BearerSchemeName = "bearerAuth";

    public static IServiceCollection AddEcfOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(Routes.DocumentName, new OpenApiInfo
            {
                Title = "Ecf.Functions API",
                Version = Routes.DocumentName,
                Description = "Lead provider API v3 (ECF-compatible), school registration, finance and admin endpoints.",
            });
            options.AddSecurityDefinition(BearerSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token: Authorization: Bearer <token>.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [],
            });
            options.CustomSchemaIds(type => type.FullName?.Replace('+', '.'));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDocsFeature(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapSwagger(Routes.OpenApiDocument)
            .WithName(OpenApiFunctionName)
            .AllowAnonymous()
            .WithMetadata(new HttpMethodMetadata(["GET"]));

        var swaggerUi = endpoints.CreateApplicationBuilder()
            .UseSwaggerUI(options =>
            {
                options.RoutePrefix = Routes.SwaggerUiPrefix;
                options.DocumentTitle = "Ecf.Functions API";
                options.SwaggerEndpoint(Routes.OpenApiDocumentV1, "Ecf.Functions API " + Routes.DocumentName);
            })
            .Build();
        endpoints.MapGet(Routes.SwaggerUi, context =>
            {
                // Swagger UI serves its assets with the static files middleware, which stands aside while an endpoint is set.
                context.SetEndpoint(null);
                return swaggerUi(context);
            })
            .WithName(SwaggerUiFunctionName)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
