using Ecf.Application.Errors;
using Ecf.Application.Registrations;
using Ecf.Domain.People;
using Ecf.Functions.Auth;
using Ecf.Functions.Errors;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.Registrations;

/// <summary>
/// <c>POST /api/registrations/ects</c> and <c>/mentors</c> (school service): 201 with the participant id and placement, 200 for a
/// repeat (<c>unchanged</c>, or <c>updated</c> with a new name or email); 422 ProblemDetails with the rule's code (and every field's
/// error under <c>errors</c>) when the input is wrong or asks for what a registration cannot change (nothing is written).
/// </summary>
public static class RegisterParticipantFunctions
{
    public const string EctName = "RegisterEct";
    public const string MentorName = "RegisterMentor";

    /// <summary>The <c>data.type</c> of an ECT's registration body.</summary>
    public const string EctType = "ect-registration";

    /// <summary>The <c>data.type</c> of a mentor's registration body.</summary>
    public const string MentorType = "mentor-registration";

    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder endpoints)
    {
        Configure(endpoints.MapPost(Routes.Ects, (RegistrationRequest request, RegisterParticipantHandler handler, HttpContext context, CancellationToken ct) =>
            HandleAsync(ParticipationTypes.Ect, request, handler, context, ct)), EctName, "Registers an early career teacher at a school.");
        Configure(endpoints.MapPost(Routes.Mentors, (RegistrationRequest request, RegisterParticipantHandler handler, HttpContext context, CancellationToken ct) =>
            HandleAsync(ParticipationTypes.Mentor, request, handler, context, ct)), MentorName, "Registers a mentor at a school.");
        return endpoints;
    }

    public static async Task<IResult> HandleAsync(string type, RegistrationRequest request, RegisterParticipantHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        if (JsonApiRequest.AttributesOf(request?.Data?.Type, request?.Data?.Attributes, type == ParticipationTypes.Ect ? EctType : MentorType) is not { } a)
        {
            return ApiErrorResults.ToHttpResult(context, ApiError.JsonDataStructure());
        }

        var command = new RegisterParticipantCommand(
            new Domain.Registrations.RegistrationRequest(
                type, a.Trn, a.FullName, a.DateOfBirth, a.Email, a.SchoolUrn,
                type == ParticipationTypes.Ect ? a.InductionStartDate : null,
                a.TrainingProgramme, a.LeadProviderId, a.DeliveryPartnerId,
                type == ParticipationTypes.Ect ? a.MentorId : null),
            new Actor(ActorTypes.SchoolService, context.User.GetTokenId()),
            CorrelationIdMiddleware.Get(context));
        var result = await handler.HandleAsync(command, cancellationToken);
        return result.ToHttpResult(context, value => Results.Json(
            RegistrationResponse.From(value),
            statusCode: value.Outcome is RegistrationOutcome.Unchanged or RegistrationOutcome.Updated ? StatusCodes.Status200OK : StatusCodes.Status201Created));
    }

    private static void Configure(RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name)
            .WithTags("Registrations")
            .WithSummary(summary)
            .RequireAuthorization(EcfPolicies.SchoolService)
            .Produces<RegistrationResponse>(StatusCodes.Status201Created)
            .Produces<RegistrationResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
