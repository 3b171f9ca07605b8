using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Application.Contracts;
using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Microsoft.Net.Http.Headers;

namespace Ecf.Functions.Features.Contracts;

/// <summary>
/// Finance's contract versions (docs/domain.md#contracts): create an ECF, mentor or NPQ version (201), import ECF's contract
/// files (201, all rows or none), list the versions, the versions in force for a statement month and the contract timeline.
/// A refused request is 422 ProblemDetails with one error per field (or per row and column).
/// </summary>
public static class ContractsFunctions
{
    public const string CreateEcfName = "FinanceCreateEcfContract";
    public const string CreateMentorName = "FinanceCreateMentorContract";
    public const string CreateNpqName = "FinanceCreateNpqContract";
    public const string ImportEcfName = "FinanceImportEcfContracts";
    public const string ImportMentorName = "FinanceImportMentorContracts";
    public const string ListName = "FinanceListContracts";
    public const string InForceName = "FinanceContractsInForce";
    public const string TimelineName = "FinanceContractTimeline";

    public const string CsvContentType = "text/csv";

    /// <summary>snake_case, nulls written (an open band's <c>max</c> is null).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder endpoints)
    {
        Write(endpoints.MapPost(Routes.Ecf, (EcfContractRequest request, ContractVersions versions, HttpContext context, CancellationToken ct) =>
            CreatedAsync(context, versions.CreateEcfAsync(request.ToInput(), Creator(context), ct))), CreateEcfName, "Creates a version of a lead provider's ECF call-off contract for a contract year, applying from a statement month.");
        Write(endpoints.MapPost(Routes.Mentor, (MentorContractRequest request, ContractVersions versions, HttpContext context, CancellationToken ct) =>
            CreatedAsync(context, versions.CreateMentorAsync(request.ToInput(), Creator(context), ct))), CreateMentorName, "Creates a version of a lead provider's mentor call-off contract (contract years from 2025).");
        Write(endpoints.MapPost(Routes.Npq, (NpqContractRequest request, ContractVersions versions, HttpContext context, CancellationToken ct) =>
            CreatedAsync(context, versions.CreateNpqAsync(request.ToInput(), Creator(context), ct))), CreateNpqName, "Creates a version of a lead provider's NPQ contract template for a course.");
        Import(endpoints.MapPost(Routes.EcfImport, (ContractVersions versions, HttpContext context, CancellationToken ct) =>
            ImportAsync(ContractKinds.Ecf, versions, context, ct)), ImportEcfName, "Imports ECF's call-off contract CSV: one new version per row, all rows or none; applies_from and reason as query parameters.");
        Import(endpoints.MapPost(Routes.MentorImport, (ContractVersions versions, HttpContext context, CancellationToken ct) =>
            ImportAsync(ContractKinds.Mentor, versions, context, ct)), ImportMentorName, "Imports ECF's mentor call-off contract CSV: one new version per row, all rows or none; applies_from and reason as query parameters.");
        Read(endpoints.MapGet(Routes.Contracts, ListAsync), ListName, "A lead provider's contract versions, newest first: lead_provider (id or name), contract_year, kind (ecf, mentor, npq).");
        Read(endpoints.MapGet(Routes.InForce, InForceAsync), InForceName, "The contract versions in force for a statement month: lead_provider, contract_year, month (yyyy-MM).");
        Read(endpoints.MapGet(Routes.Timeline, TimelineAsync), TimelineName, "A lead provider's contract timeline, oldest first: lead_provider, contract_year.");
        return endpoints;
    }

    public static async Task<IResult> ImportAsync(string kind, ContractVersions versions, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentType is { Length: > 0 } contentType
            && !(MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals(CsvContentType, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.UnsupportedMediaType($"The request body must be CSV (Content-Type: text/csv), not {contentType}."));
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var query = context.Request.Query;
        var result = await versions.ImportAsync(
            kind, body, new ContractField("applies_from", query["applies_from"]), new ContractField("reason", query["reason"]), Creator(context), cancellationToken);
        return result.ToHttpResult(context, written => Results.Json(new ContractsResponse([.. written.Cast<object>()]), Json, statusCode: StatusCodes.Status201Created));
    }

    public static async Task<IResult> ListAsync(HttpContext context, ContractVersions versions, IReferenceData referenceData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(referenceData);
        var query = await ContractQuery.ReadAsync(context, referenceData, yearRequired: false, cancellationToken);
        var kind = context.Request.Query["kind"].ToString() is { Length: > 0 } k ? k : null;
        if (kind is not null && !ContractKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            query.Errors.Add(ApiError.ContractKindUnknown(kind));
        }

        if (query.Errors.Count > 0)
        {
            return ApiErrorResults.ToHttpResult(context, query.Errors);
        }

        var list = await versions.ListAsync(query.LeadProviderId, query.ContractYear, kind, cancellationToken);
        return Results.Json(new ContractsResponse([.. list.Cast<object>()]), Json);
    }

    public static async Task<IResult> InForceAsync(HttpContext context, ContractVersions versions, IReferenceData referenceData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(referenceData);
        var query = await ContractQuery.ReadAsync(context, referenceData, yearRequired: true, cancellationToken);
        var month = context.Request.Query["month"].ToString();
        if (month.Length == 0)
        {
            query.Errors.Add(ApiError.ContractFieldRequired("month"));
        }
        else if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            query.Errors.Add(ApiError.ContractAppliesFrom("month", month, "must be a statement month, yyyy-MM."));
        }

        if (query.Errors.Count > 0)
        {
            return ApiErrorResults.ToHttpResult(context, query.Errors);
        }

        var inForce = await versions.InForceAsync(query.LeadProviderId, query.ContractYear!.Value, month, cancellationToken);
        return Results.Json(new ContractResponse(new InForceResource(month, inForce.Ecf, inForce.Mentor, inForce.Npq)), Json);
    }

    public static async Task<IResult> TimelineAsync(HttpContext context, ContractVersions versions, IReferenceData referenceData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(referenceData);
        var query = await ContractQuery.ReadAsync(context, referenceData, yearRequired: false, cancellationToken);
        if (query.Errors.Count > 0)
        {
            return ApiErrorResults.ToHttpResult(context, query.Errors);
        }

        var events = await versions.TimelineAsync(query.LeadProviderId, query.ContractYear, cancellationToken);
        return Results.Json(new ContractsResponse([.. events.Cast<object>()]), Json);
    }

    private static async Task<IResult> CreatedAsync(HttpContext context, Task<Result<ContractVersionDocument>> create)
    {
        var result = await create;
        return result.ToHttpResult(context, version => Results.Json(new ContractResponse(version), Json, statusCode: StatusCodes.Status201Created));
    }

    /// <summary>The token that made the change.</summary>
    private static string Creator(HttpContext context) => context.User.GetTokenId() ?? "unknown";

    private static void Write(RouteHandlerBuilder builder, string name, string summary) =>
        Configure(builder, name, summary).Produces<ContractResponse>(StatusCodes.Status201Created);

    private static void Import(RouteHandlerBuilder builder, string name, string summary) =>
        Configure(builder, name, summary).Accepts<string>(CsvContentType).Produces<ContractsResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static void Read(RouteHandlerBuilder builder, string name, string summary) =>
        Configure(builder, name, summary).Produces<ContractsResponse>();

    private static RouteHandlerBuilder Configure(RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name)
            .WithTags("Contracts")
            .WithSummary(summary)
            .RequireAuthorization(EcfPolicies.Finance)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>The <c>lead_provider</c> and <c>contract_year</c> query parameters, checked.</summary>
    private sealed record ContractQuery(Guid LeadProviderId, int? ContractYear, List<ApiError> Errors)
    {
        public static async Task<ContractQuery> ReadAsync(HttpContext context, IReferenceData referenceData, bool yearRequired, CancellationToken cancellationToken)
        {
            var reference = await referenceData.GetSnapshotAsync(cancellationToken);
            var errors = new List<ApiError>();
            var providerText = context.Request.Query["lead_provider"].ToString();
            var provider = ContractLeadProviders.Find(reference, providerText);
            if (providerText.Length == 0)
            {
                errors.Add(ApiError.ContractFieldRequired("lead_provider"));
            }
            else if (provider is null)
            {
                errors.Add(ApiError.ContractLeadProviderUnknown("lead_provider", providerText, "ECF or NPQ"));
            }

            int? year = null;
            var yearText = context.Request.Query["contract_year"].ToString();
            if (yearText.Length == 0)
            {
                if (yearRequired)
                {
                    errors.Add(ApiError.ContractFieldRequired("contract_year"));
                }
            }
            else if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && reference.GetContractPeriod(parsed) is not null)
            {
                year = parsed;
            }
            else
            {
                errors.Add(ApiError.ContractYearUnknown("contract_year", yearText, "it is not a contract period of this service."));
            }

            return new ContractQuery(provider?.Id ?? Guid.Empty, year, errors);
        }
    }
}

/// <summary>One version: <c>{"data": version}</c>.</summary>
public sealed record ContractResponse([property: JsonPropertyName("data")] object Data);

/// <summary>Versions or timeline events: <c>{"data": [...]}</c>.</summary>
public sealed record ContractsResponse([property: JsonPropertyName("data")] IReadOnlyList<object> Data);

/// <summary>What applies to the statement month: the ECF and mentor versions (null when none) and the NPQ templates by course.</summary>
public sealed record InForceResource(string Month, EcfContractVersion? Ecf, MentorContractVersion? Mentor, IReadOnlyList<NpqContractVersion> Npq);
