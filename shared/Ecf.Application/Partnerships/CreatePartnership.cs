using System.Globalization;
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
/// <c>POST /api/v3/partnerships/ecf</c>: ECF's rules, each failure a 422 on its attribute (several at once when the input has
/// several problems); then the school's partnerships of the year decide (already exists / recruited by another provider), written
/// with optimistic concurrency so two providers racing for one school get one partnership.
/// </summary>
public sealed class CreatePartnershipHandler(IReferenceData referenceData, SchoolDocuments schools, PartnershipDocuments partnerships, AfterCommit afterCommit)
{
    private const int MaxAttempts = 5;

    public async Task<Result<PartnershipView>> HandleAsync(CreatePartnershipCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<ApiError>();

        int? year = null;
        if (string.IsNullOrWhiteSpace(command.Cohort))
        {
            errors.Add(ApiError.Validation("cohort", PartnershipMessages.Missing("cohort")));
        }
        else if (!int.TryParse(command.Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || snapshot.GetContractPeriod(y) is null)
        {
            errors.Add(ApiError.Validation("cohort", PartnershipMessages.Invalid("cohort")));
        }
        else
        {
            year = y;
        }

        StoredSchool? school = null;
        if (string.IsNullOrWhiteSpace(command.SchoolId))
        {
            errors.Add(ApiError.Validation("school_id", PartnershipMessages.Missing("school_id")));
        }
        else if (!SchoolIds.IsWellFormed(command.SchoolId)
            || (school = await schools.ReadAsync(command.SchoolId, cancellationToken).ConfigureAwait(false)) is null
            || school.School.Status is SchoolStatus.Superseded or SchoolStatus.Merged)
        {
            errors.Add(ApiError.Validation("school_id", PartnershipMessages.Invalid("school_id")));
            school = null;
        }
        else if (school.School.Eligibility.CipOnly)
        {
            errors.Add(ApiError.Validation("school_id", PartnershipMessages.CipOnly));
        }
        else if (!school.School.Eligibility.EligibleForFunding)
        {
            errors.Add(ApiError.Validation("school_id", PartnershipMessages.Ineligible));
        }

        Guid deliveryPartnerId = default;
        string? deliveryPartnerName = null;
        if (string.IsNullOrWhiteSpace(command.DeliveryPartnerId))
        {
            errors.Add(ApiError.Validation("delivery_partner_id", PartnershipMessages.Missing("delivery_partner_id")));
        }
        else if (!Guid.TryParse(command.DeliveryPartnerId, out deliveryPartnerId) || snapshot.GetDeliveryPartner(deliveryPartnerId) is not { } partner)
        {
            errors.Add(ApiError.Validation("delivery_partner_id", PartnershipMessages.Invalid("delivery_partner_id")));
        }
        else if (year is { } contractYear && !snapshot.GetRelationships(command.LeadProviderId, contractYear).Any(r => r.DeliveryPartnerId == deliveryPartnerId))
        {
            errors.Add(ApiError.Validation("delivery_partner_id", PartnershipMessages.NoRelationship));
        }
        else
        {
            deliveryPartnerName = partner.Name;
        }

        if (errors.Count > 0)
        {
            return Result<PartnershipView>.Failure(errors);
        }

        var lastYear = await partnerships.ReadAsync(school!.School.SchoolId, year!.Value - 1, cancellationToken).ConfigureAwait(false);
        var hadProviderLastYear = lastYear?.Value.Default is not null;
        var partnershipId = Guid.NewGuid().ToString("D");
        for (var attempt = 1; ; attempt++)
        {
            var stored = await partnerships.ReadAsync(school.School.SchoolId, year.Value, cancellationToken).ConfigureAwait(false);
            var decision = PartnershipDecider.Create(stored?.Value, partnershipId, school.School.SchoolId, command.LeadProviderId, deliveryPartnerId, year.Value, hadProviderLastYear, command.Context);
            if (decision.Refusal is { } refusal)
            {
                return ApiError.Validation(refusal.Attribute, refusal.Message);
            }

            if (await partnerships.TryWriteAsync(decision.State!, stored?.ETag, cancellationToken).ConfigureAwait(false))
            {
                await afterCommit.RunAsync(
                    "the index and view of a new partnership",
                    ct => partnerships.WriteDerivedAsync(decision.Partnership!, school.School.Urn, deliveryPartnerName!, decision.State!.Setup, ct),
                    cancellationToken).ConfigureAwait(false);
                return PartnershipView.From(decision.Partnership!, school.School.Urn, deliveryPartnerName!, decision.State!.Setup);
            }

            if (attempt == MaxAttempts)
            {
                return ApiError.Conflict("The school's partnerships changed while this request was decided; try again.");
            }
        }
    }
}
