namespace Ecf.Functions.Features.Docs;

public static class Routes
{
    public const string DocumentName = "v1";

    /// <summary>The OpenAPI document: <c>/api/openapi/v1.json</c>.</summary>
    public const string OpenApiDocument = "/api/openapi/{documentName}.json";

    public const string OpenApiDocumentV1 = "/api/openapi/" + DocumentName + ".json";

    /// <summary>Swagger UI's path prefix, without slashes (Swashbuckle's RoutePrefix).</summary>
    public const string SwaggerUiPrefix = "api/docs";

    public const string SwaggerUi = "/" + SwaggerUiPrefix + "/{**path}";
}
