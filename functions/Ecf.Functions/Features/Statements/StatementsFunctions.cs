using System.Text.Json.Serialization;
using Ecf.Application.ProviderViews;
using Ecf.Application.Statements;
using Ecf.Functions.Api.V3;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Features.Statements;

/// <summary><c>GET /api/v3/statements</c> and <c>/{id}</c>: the provider's financial statements (ECF v3).</summary>
public static class StatementsFunctions
{
    public const string ListName = "V3ListStatements";
    public const string GetName = "V3GetStatement";

    /// <summary>On the lead provider API group; routes relative to <c>/api/v3</c>.</summary>
    public static IEndpointRouteBuilder MapStatements(this IEndpointRouteBuilder leadProviderApi)
    {
        leadProviderApi.MapGet(Routes.Statements, ListAsync).WithName(ListName).WithTags("Statements")
            .WithSummary("Retrieve financial statements: filter[cohort], filter[type] (ecf), filter[updated_since], page[page], page[per_page] (100 by default, at most 3000).")
            .Produces<StatementsResponse>();
        leadProviderApi.MapGet(Routes.Statement, GetAsync).WithName(GetName).WithTags("Statements")
            .WithSummary("Retrieve a single financial statement.").Produces<StatementResponse>();
        return leadProviderApi;
    }

    public static async Task<IResult> ListAsync(HttpContext context, ListStatementsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var query = new V3QueryParser(context.Request.Query);
        var (cohorts, since, page) = (query.Cohorts(), query.UpdatedSince(), query.Page());
        if (query.Refused(context, out var refusal))
        {
            return refusal;
        }

        var statements = await handler.HandleAsync(
            new ListStatementsQuery(context.User.LeadProviderId(), cohorts, query.Text("type"), since, page.Number, page.PerPage), cancellationToken);
        return Results.Json(new StatementsResponse(statements), V3Json.Options);
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, ListStatementsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.GetAsync(context.User.LeadProviderId(), id, cancellationToken);
        return result.ToHttpResult(context, statement => Results.Json(new StatementResponse(statement), V3Json.Options));
    }
}

/// <summary>v3 <c>StatementsResponse</c>.</summary>
public sealed record StatementsResponse([property: JsonPropertyName("data")] IReadOnlyList<StatementResource> Data);

/// <summary>v3 <c>StatementResponse</c>.</summary>
public sealed record StatementResponse([property: JsonPropertyName("data")] StatementResource Data);
