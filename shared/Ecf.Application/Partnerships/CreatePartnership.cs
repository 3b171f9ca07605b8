using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;
using Ecf.Domain.Schools;

namespace Ecf.Application.Partnerships;

/// <param name="Cohort">The request's <c>cohort</c> as sent (a start year).</param>
public sealed record CreatePartnershipCommand(Guid LeadProviderId, string? Cohort, string? SchoolId, string? DeliveryPartnerId, PartnershipChangeContext Context);

/// <summary>
/// <c>POST /api/v3/partnerships/ecf</c>: loads what the request names and lets <see cref="PartnershipValidator"/> check its fields
/// (each failure a 422 on its attribute, several at once); then <see cref="PartnershipDecider.Create"/> decides on the school's
/// partnerships document of the year, which also holds the school's programme choice, written with optimistic concurrency: two
/// providers racing for one school get one partnership, and a school choosing another programme at the same time either wins
/// (the partnership is refused) or loses (its choice is refused).
/// </summary>
public sealed class CreatePartnershipHandler(
    IReferenceData referenceData, SchoolDocuments schools, PartnershipDocuments partnerships, AfterCommit afterCommit)
{
    private const int MaxAttempts = 5;

    public async Task<Result<PartnershipView>> HandleAsync(CreatePartnershipCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var school = SchoolIds.IsWellFormed(command.SchoolId)
            ? (await schools.ReadAsync(command.SchoolId!, cancellationToken).ConfigureAwait(false))?.School
            : null;
        var facts = new PartnershipRequestFacts(
            [.. snapshot.ContractPeriods.Select(p => p.Year)],
            school,
            snapshot.DeliveryPartners,
            [.. snapshot.Relationships.Where(r => r.LeadProviderId == command.LeadProviderId)]);
        var validated = PartnershipValidator.ValidateCreate(new PartnershipRequest(command.Cohort, command.SchoolId, command.DeliveryPartnerId), facts);
        if (validated.Value is not { } request)
        {
            return Result<PartnershipView>.Failure(ApiError.Partnership(validated.Refusals));
        }

        var schoolId = request.School.SchoolId;
        var lastYear = await partnerships.ReadAsync(schoolId, request.ContractYear - 1, cancellationToken).ConfigureAwait(false);
        var partnership = new NewPartnership(Guid.NewGuid().ToString("D"), schoolId, command.LeadProviderId, request.DeliveryPartner.Id, request.ContractYear);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await partnerships.ReadAsync(schoolId, request.ContractYear, cancellationToken).ConfigureAwait(false);
            var decision = PartnershipDecider.Create(stored?.Value, lastYear?.Value, partnership, command.Context);
            if (decision.Refusal is { } refusal)
            {
                return ApiError.Partnership(refusal);
            }

            if (await partnerships.TryWriteAsync(decision.State!, stored?.ETag, cancellationToken).ConfigureAwait(false))
            {
                var name = request.DeliveryPartner.Name;
                await afterCommit.RunAsync("the index, view and school listing of a new partnership", async ct =>
                {
                    await partnerships.WriteDerivedAsync(decision.Partnership!, request.School.Urn, name, decision.State!.Setup, ct).ConfigureAwait(false);
                    await schools.SchoolViewChangedAsync(stored?.Value, decision.State!, ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                return PartnershipView.From(decision.Partnership!, request.School.Urn, name, decision.State!.Setup);
            }

            if (attempt == MaxAttempts)
            {
                return ApiError.PartnershipsChanged();
            }
        }
    }
}
