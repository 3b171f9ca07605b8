using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

public sealed record UpdatePartnershipCommand(Guid LeadProviderId, string PartnershipId, string? DeliveryPartnerId, PartnershipChangeContext Context);

/// <summary>
/// <c>PUT /api/v3/partnerships/ecf/{id}</c>: changes only the delivery partner, which must work with this provider in the partnership's
/// year. The enrolments trained through it show the new one: re-projected at once, and by <see cref="ViewDependencyProjector"/>
/// from the change feed if this stops after the school's document is written.
/// </summary>
public sealed class UpdatePartnershipHandler(
    IReferenceData referenceData, SchoolDocuments schools, PartnershipDocuments partnerships, IEnumerable<ProviderViewDependents> viewDependents, AfterCommit afterCommit)
{
    private const int MaxAttempts = 5;

    public async Task<Result<PartnershipView>> HandleAsync(UpdatePartnershipCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await partnerships.ReadViewAsync(command.LeadProviderId, command.PartnershipId, cancellationToken).ConfigureAwait(false) is null
            || await partnerships.FindAsync(command.PartnershipId, cancellationToken).ConfigureAwait(false) is not { } index)
        {
            return ApiError.NotFound();
        }

        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var facts = new PartnershipRequestFacts(
            [], null, snapshot.DeliveryPartners, [.. snapshot.Relationships.Where(r => r.LeadProviderId == command.LeadProviderId)]);
        var validated = PartnershipValidator.ValidateDeliveryPartner(command.DeliveryPartnerId, index.ContractYear, facts);
        if (validated.Value is not { } partner)
        {
            return Result<PartnershipView>.Failure(ApiError.Partnership(validated.Refusals));
        }

        var deliveryPartnerId = partner.Id;
        var urn = await PartnershipDocuments.CurrentUrnAsync(schools, index.SchoolId, cancellationToken).ConfigureAwait(false) ?? 0;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await partnerships.ReadAsync(index.SchoolId, index.ContractYear, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return ApiError.NotFound();
            }

            var decision = PartnershipDecider.ChangeDeliveryPartner(stored.Value, command.PartnershipId, deliveryPartnerId, command.Context);
            if (decision.Refusal is { } refusal)
            {
                return ApiError.Partnership(refusal);
            }

            if (ReferenceEquals(decision.State, stored.Value) || await partnerships.TryWriteAsync(decision.State!, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                var view = PartnershipView.From(decision.Partnership!, urn, partner.Name, decision.State!.Setup);
                await afterCommit.RunAsync("the partnership documents and participant views of a delivery partner change", async ct =>
                {
                    await partnerships.WriteDerivedAsync(decision.Partnership!, urn, partner.Name, decision.State!.Setup, ct).ConfigureAwait(false);
                    foreach (var dependents in viewDependents)
                    {
                        await dependents.PartnershipChangedAsync(decision.Partnership!.Id, decision.Partnership.LeadProviderId, ct).ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);

                return view;
            }

            if (attempt == MaxAttempts)
            {
                return ApiError.PartnershipsChanged();
            }
        }
    }
}
