using Ecf.Application.Declarations;
using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.Declarations;

/// <summary>
/// ECF v3 declaration writes: <c>POST /api/v3/participant-declarations</c> (with an optional <c>Idempotency-Key</c> header) and
/// <c>PUT /api/v3/participant-declarations/{id}/void</c>.
/// </summary>
public static class DeclarationWriteFunctions
{
    public const string CreateName = "V3CreateParticipantDeclaration";
    public const string VoidName = "V3VoidParticipantDeclaration";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapDeclarationWrites(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapPost(Routes.Declarations, CreateAsync).WithName(CreateName).WithTags("ECF participant declarations")
            .WithSummary("Declares that a participant reached a training milestone. A retry with the same Idempotency-Key gets the first response.")
            .Produces<DeclarationDocument>();
        leadProviderApi.MapPut(Routes.Void, VoidAsync).WithName(VoidName).WithTags("ECF participant declarations")
            .WithSummary("Voids one of this provider's declarations; a paid one awaits clawback on the next output statement.")
            .Produces<DeclarationDocument>();
        return leadProviderApi;
    }

    public static async Task<IResult> CreateAsync(DeclarationRequestBody body, HttpContext context, RecordDeclarationHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        if (JsonApiRequest.AttributesOf(body?.Data?.Type, body?.Data?.Attributes, DeclarationRequestBody.Type) is not { } attributes)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.JsonDataStructure());
        }

        var key = context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) ? values.ToString() : null;
        var result = await handler.HandleAsync(
            new RecordDeclarationCommand(context.User.LeadProviderId(), attributes.ToRequest(), key, CorrelationIdMiddleware.Get(context)),
            cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    public static async Task<IResult> VoidAsync(string id, HttpContext context, VoidDeclarationHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.HandleAsync(new VoidDeclarationCommand(context.User.LeadProviderId(), id, CorrelationIdMiddleware.Get(context)), cancellationToken);
        return result.ToHttpResult(context, Render);
    }

    private static IResult Render(DeclarationResource resource) => Results.Json(new DeclarationDocument(resource), V3Json.Options);
}
