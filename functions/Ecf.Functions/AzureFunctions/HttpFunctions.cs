using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.AzureFunctions;

/// <summary>
/// Every HTTP route as an HTTP-triggered Azure Function (ASP.NET Core integration). Each runs the app's endpoint of the same
/// name through <see cref="EndpointInvoker"/>, so the endpoint definitions in Features/ and Api/ stay the one definition of
/// each route for both hosts. The route is the endpoint's without <c>/api/</c> (host.json's route prefix); a test checks the
/// published functions.metadata against the local host's routes. The orchestration routes also take the Durable Functions client
/// binding, which their endpoints use as their <see cref="DurableTaskClient"/>.
/// </summary>
public static class HttpFunctions
{
    // Health and documentation
    [Function(nameof(Health))]
    public static Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(Health));

    [Function(nameof(OpenApiDocument))]
    public static Task<IResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(OpenApiDocument));

    [Function(nameof(ApiDocs))]
    public static Task<IResult> ApiDocs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{*path}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(ApiDocs));

    // Admin
    [Function(nameof(AdminListTokens))]
    public static Task<IResult> AdminListTokens([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/tokens")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminListTokens));

    [Function(nameof(AdminCreateToken))]
    public static Task<IResult> AdminCreateToken([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/tokens")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminCreateToken));

    [Function(nameof(AdminGetPerson))]
    public static Task<IResult> AdminGetPerson([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "people/{personId}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminGetPerson));

    [Function(nameof(AdminGetPersonTimeline))]
    public static Task<IResult> AdminGetPersonTimeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "people/{personId}/timeline")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminGetPersonTimeline));

    [Function(nameof(AdminRecordFundingEligibility))]
    public static Task<IResult> AdminRecordFundingEligibility([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "people/{personId}/participations/{trainingRecordId}/eligibility")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminRecordFundingEligibility));

    [Function(nameof(AdminChangeContractYear))]
    public static Task<IResult> AdminChangeContractYear([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "people/{personId}/participations/{trainingRecordId}/change-contract-year")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminChangeContractYear));

    [Function(nameof(AdminChallengePartnership))]
    public static Task<IResult> AdminChallengePartnership([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/partnerships/{id}/challenge")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(AdminChallengePartnership));

    // Orchestrations
    [Function(nameof(OrchestrationList))]
    public static Task<IResult> OrchestrationList([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orchestrations")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        EndpointInvoker.InvokeAsync(req.WithDurableClient(client), nameof(OrchestrationList));

    [Function(nameof(OrchestrationStart))]
    public static Task<IResult> OrchestrationStart([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orchestrations/{name}")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        EndpointInvoker.InvokeAsync(req.WithDurableClient(client), nameof(OrchestrationStart));

    [Function(nameof(OrchestrationGetStatus))]
    public static Task<IResult> OrchestrationGetStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orchestrations/{instanceId}")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        EndpointInvoker.InvokeAsync(req.WithDurableClient(client), nameof(OrchestrationGetStatus));

    [Function(nameof(OrchestrationPurge))]
    public static Task<IResult> OrchestrationPurge([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orchestrations/{instanceId}")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        EndpointInvoker.InvokeAsync(req.WithDurableClient(client), nameof(OrchestrationPurge));

    [Function(nameof(OrchestrationTerminate))]
    public static Task<IResult> OrchestrationTerminate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orchestrations/{instanceId}/terminate")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        EndpointInvoker.InvokeAsync(req.WithDurableClient(client), nameof(OrchestrationTerminate));

    // School service
    [Function(nameof(GetSchoolCohort))]
    public static Task<IResult> GetSchoolCohort([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schools/{urn}/cohorts/{year}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(GetSchoolCohort));

    [Function(nameof(SetUpSchoolCohort))]
    public static Task<IResult> SetUpSchoolCohort([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "schools/{urn}/cohorts/{year}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(SetUpSchoolCohort));

    [Function(nameof(RegisterEct))]
    public static Task<IResult> RegisterEct([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "registrations/ects")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(RegisterEct));

    [Function(nameof(RegisterMentor))]
    public static Task<IResult> RegisterMentor([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "registrations/mentors")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(RegisterMentor));

    // Lead provider API v3
    [Function(nameof(V3CreateParticipantDeclaration))]
    public static Task<IResult> V3CreateParticipantDeclaration([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/participant-declarations")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3CreateParticipantDeclaration));

    [Function(nameof(V3VoidParticipantDeclaration))]
    public static Task<IResult> V3VoidParticipantDeclaration([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/participant-declarations/{id}/void")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3VoidParticipantDeclaration));

    [Function(nameof(V3ListEcfSchools))]
    public static Task<IResult> V3ListEcfSchools([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/schools/ecf")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListEcfSchools));

    [Function(nameof(V3GetEcfSchool))]
    public static Task<IResult> V3GetEcfSchool([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/schools/ecf/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetEcfSchool));

    [Function(nameof(V3ListPartnerships))]
    public static Task<IResult> V3ListPartnerships([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/partnerships/ecf")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListPartnerships));

    [Function(nameof(V3GetPartnership))]
    public static Task<IResult> V3GetPartnership([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/partnerships/ecf/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetPartnership));

    [Function(nameof(V3CreatePartnership))]
    public static Task<IResult> V3CreatePartnership([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/partnerships/ecf")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3CreatePartnership));

    [Function(nameof(V3UpdatePartnership))]
    public static Task<IResult> V3UpdatePartnership([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/partnerships/ecf/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3UpdatePartnership));

    [Function(nameof(V3ListEcfParticipants))]
    public static Task<IResult> V3ListEcfParticipants([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/participants/ecf")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListEcfParticipants));

    [Function(nameof(V3ListEcfParticipantTransfers))]
    public static Task<IResult> V3ListEcfParticipantTransfers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/participants/ecf/transfers")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListEcfParticipantTransfers));

    [Function(nameof(V3GetEcfParticipant))]
    public static Task<IResult> V3GetEcfParticipant([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/participants/ecf/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetEcfParticipant));

    [Function(nameof(V3GetEcfParticipantTransfers))]
    public static Task<IResult> V3GetEcfParticipantTransfers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/participants/ecf/{id}/transfers")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetEcfParticipantTransfers));

    [Function(nameof(V3ListDeliveryPartners))]
    public static Task<IResult> V3ListDeliveryPartners([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/delivery-partners")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListDeliveryPartners));

    [Function(nameof(V3GetDeliveryPartner))]
    public static Task<IResult> V3GetDeliveryPartner([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/delivery-partners/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetDeliveryPartner));

    [Function(nameof(V3ListUnfundedMentors))]
    public static Task<IResult> V3ListUnfundedMentors([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/unfunded-mentors/ecf")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListUnfundedMentors));

    [Function(nameof(V3GetUnfundedMentor))]
    public static Task<IResult> V3GetUnfundedMentor([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/unfunded-mentors/ecf/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetUnfundedMentor));

    // Lead provider API v3: declarations (read) and statements
    [Function(nameof(V3WithdrawEcfParticipant))]
    public static Task<IResult> V3WithdrawEcfParticipant([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/participants/ecf/{id}/withdraw")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3WithdrawEcfParticipant));

    [Function(nameof(V3DeferEcfParticipant))]
    public static Task<IResult> V3DeferEcfParticipant([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/participants/ecf/{id}/defer")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3DeferEcfParticipant));

    [Function(nameof(V3ResumeEcfParticipant))]
    public static Task<IResult> V3ResumeEcfParticipant([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/participants/ecf/{id}/resume")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ResumeEcfParticipant));

    [Function(nameof(V3ChangeEcfParticipantSchedule))]
    public static Task<IResult> V3ChangeEcfParticipantSchedule([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/participants/ecf/{id}/change-schedule")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ChangeEcfParticipantSchedule));

    [Function(nameof(V3ListParticipantDeclarations))]
    public static Task<IResult> V3ListParticipantDeclarations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/participant-declarations")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListParticipantDeclarations));

    [Function(nameof(V3GetParticipantDeclaration))]
    public static Task<IResult> V3GetParticipantDeclaration([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/participant-declarations/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetParticipantDeclaration));

    [Function(nameof(V3ListStatements))]
    public static Task<IResult> V3ListStatements([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/statements")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3ListStatements));

    [Function(nameof(V3GetStatement))]
    public static Task<IResult> V3GetStatement([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/statements/{id}")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(V3GetStatement));

    // Finance: contract versions
    [Function(nameof(FinanceCreateEcfContract))]
    public static Task<IResult> FinanceCreateEcfContract([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "finance/contracts/ecf")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceCreateEcfContract));

    [Function(nameof(FinanceCreateMentorContract))]
    public static Task<IResult> FinanceCreateMentorContract([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "finance/contracts/mentor")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceCreateMentorContract));

    [Function(nameof(FinanceCreateNpqContract))]
    public static Task<IResult> FinanceCreateNpqContract([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "finance/contracts/npq")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceCreateNpqContract));

    [Function(nameof(FinanceImportEcfContracts))]
    public static Task<IResult> FinanceImportEcfContracts([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "finance/contracts/ecf/import")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceImportEcfContracts));

    [Function(nameof(FinanceImportMentorContracts))]
    public static Task<IResult> FinanceImportMentorContracts([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "finance/contracts/mentor/import")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceImportMentorContracts));

    [Function(nameof(FinanceListContracts))]
    public static Task<IResult> FinanceListContracts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "finance/contracts")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceListContracts));

    [Function(nameof(FinanceContractsInForce))]
    public static Task<IResult> FinanceContractsInForce([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "finance/contracts/in-force")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceContractsInForce));

    [Function(nameof(FinanceContractTimeline))]
    public static Task<IResult> FinanceContractTimeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "finance/contracts/timeline")] HttpRequest req) =>
        EndpointInvoker.InvokeAsync(req, nameof(FinanceContractTimeline));
}
