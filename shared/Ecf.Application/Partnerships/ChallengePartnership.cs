using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

public sealed record ChallengePartnershipCommand(string PartnershipId, string? Reason, PartnershipChangeContext Context);

/// <summary>
/// A school (through the school service) or the DfE challenges a partnership: it becomes <c>challenged</c> with its reason, stops
/// being the school's default partnership, and its provider stops seeing participants through it (the projection reads the
/// status from <see cref="PartnershipIndex"/> via <see cref="PartnershipFacts"/>). Its people are re-projected at once; if this
/// stops after the school's document is written, <see cref="ViewDependencyProjector"/> does it from the change feed.
/// </summary>
public sealed class ChallengePartnershipHandler(
    IReferenceData referenceData, SchoolDocuments schools, PartnershipDocuments partnerships, IEnumerable<ProviderViewDependents> viewDependents, AfterCommit afterCommit)
{
    private const int MaxAttempts = 5;

    public async Task<Result<PartnershipView>> HandleAsync(ChallengePartnershipCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await partnerships.FindAsync(command.PartnershipId, cancellationToken).ConfigureAwait(false) is not { } index)
        {
            return ApiError.NotFound();
        }

        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var urn = await PartnershipDocuments.CurrentUrnAsync(schools, index.SchoolId, cancellationToken).ConfigureAwait(false) ?? 0;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await partnerships.ReadAsync(index.SchoolId, index.ContractYear, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return ApiError.NotFound();
            }

            var decision = PartnershipDecider.Challenge(stored.Value, command.PartnershipId, command.Reason ?? "", command.Context);
            if (decision.Refusal is { } refusal)
            {
                return ApiError.Partnership(refusal);
            }

            if (await partnerships.TryWriteAsync(decision.State!, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                var name = snapshot.GetDeliveryPartner(decision.Partnership!.DeliveryPartnerId)?.Name ?? "";
                var view = PartnershipView.From(decision.Partnership, urn, name, decision.State!.Setup);
                await afterCommit.RunAsync("the partnership documents, school listing and participant views of a challenge", async ct =>
                {
                    await partnerships.WriteDerivedAsync(decision.Partnership, urn, name, decision.State!.Setup, ct).ConfigureAwait(false);
                    await schools.SchoolViewChangedAsync(stored.Value, decision.State, ct).ConfigureAwait(false);
                    foreach (var dependents in viewDependents)
                    {
                        await dependents.PartnershipChangedAsync(decision.Partnership.Id, decision.Partnership.LeadProviderId, ct).ConfigureAwait(false);
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
