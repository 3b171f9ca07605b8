using Ecf.Application.Tokens;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Admin;

/// <summary><c>POST /api/admin/tokens</c>: makes a token and returns it, once. Admin only.</summary>
public static class CreateTokenFunction
{
    public const string Name = "AdminCreateToken";

    public static RouteHandlerBuilder MapCreateToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Routes.Tokens, HandleAsync)
            .WithName(Name)
            .WithTags("Admin")
            .WithSummary("Creates an API token. The token is in this response only; just its digest is stored.")
            .RequireAuthorization(EcfPolicies.Admin)
            .Produces<CreatedTokenResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static async Task<IResult> HandleAsync(CreateTokenRequest request, CreateApiTokenHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new CreateApiTokenCommand(request.Role ?? "", request.LeadProvider, request.Description), cancellationToken);
        return result.ToHttpResult(context, created => Results.Json(
            new CreatedTokenResponse(created.Token, created.Summary),
            statusCode: StatusCodes.Status201Created));
    }
}

/// <param name="Role">lead_provider, school_service, finance or admin.</param>
/// <param name="LeadProvider">The lead provider's name, for lead_provider tokens only.</param>
public sealed record CreateTokenRequest(string? Role, string? LeadProvider, string? Description);

public sealed record CreatedTokenResponse(string Token, ApiTokenSummary Metadata);
