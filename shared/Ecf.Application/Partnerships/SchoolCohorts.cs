using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;
using Ecf.Domain.Schools;
using Ecf.Domain.Text;

namespace Ecf.Application.Partnerships;

public sealed record SetUpSchoolCohortCommand(string Urn, string Cohort, string? InductionProgrammeChoice, string? InductionTutorName, string? InductionTutorEmail, PartnershipChangeContext Context);

/// <summary>
/// The school service sets up a school's cohort (<c>PUT /api/schools/{urn}/cohorts/{year}</c>): the induction programme choice and
/// the induction tutor, kept in the school's partnerships document of the year, so the rules between the choice and the
/// partnerships (<see cref="PartnershipDecider"/>) are decided with one ETag, whichever request comes first. The tutor is copied into the provider views of the year's partnerships. Reads
/// (<c>GET</c>) give the derived choice until the school sets the year up. An unknown URN or cohort is 404; bad fields 422 each, the tutor's name and email by <see cref="TextRules"/>.
/// </summary>
public sealed class SchoolCohortsHandler(IReferenceData referenceData, SchoolDocuments schools, PartnershipDocuments partnerships, AfterCommit afterCommit)
{
    private const int MaxAttempts = 5;

    public async Task<Result<SchoolCohortView>> GetAsync(string urn, string cohort, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(urn, cohort, cancellationToken).ConfigureAwait(false) is not ({ } school, { } year))
        {
            return ApiError.NotFound();
        }

        var stored = await partnerships.ReadAsync(school.SchoolId, year, cancellationToken).ConfigureAwait(false);
        return SchoolCohortView.From(school.SchoolId, school.Urn, year, stored?.Value);
    }

    public async Task<Result<SchoolCohortView>> SetUpAsync(SetUpSchoolCohortCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await FindAsync(command.Urn, command.Cohort, cancellationToken).ConfigureAwait(false) is not ({ } school, { } year))
        {
            return ApiError.NotFound();
        }

        var choice = PartnershipValidator.ValidateChoice(command.InductionProgrammeChoice);
        var errors = new List<ApiError>(ApiError.Partnership(choice.Refusals));
        var name = TextRules.Check(command.InductionTutorName, TextKind.Name);
        if (name.Problem is { } nameProblem)
        {
            errors.Add(ApiError.InductionTutorName(nameProblem));
        }

        var email = TextRules.Check(command.InductionTutorEmail, TextKind.Email);
        if (email.Problem is { } emailProblem)
        {
            errors.Add(ApiError.InductionTutorEmail(emailProblem));
        }

        if (errors.Count > 0)
        {
            return Result<SchoolCohortView>.Failure(errors);
        }

        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await partnerships.ReadAsync(school.SchoolId, year, cancellationToken).ConfigureAwait(false);
            var decision = PartnershipDecider.SetUpCohort(stored?.Value, school.SchoolId, year, choice.Value!, name.Value!, email.Value!, command.Context);
            if (decision.Refusal is { } refusal)
            {
                return ApiError.Partnership(refusal);
            }

            if (!decision.Changed || await partnerships.TryWriteAsync(decision.State!, stored?.ETag, cancellationToken).ConfigureAwait(false))
            {
                if (decision.Changed)
                {
                    await afterCommit.RunAsync("the partnership views and school listing of a school cohort setup", async ct =>
                    {
                        foreach (var partnership in decision.State!.Partnerships)
                        {
                            var partnerName = snapshot.GetDeliveryPartner(partnership.DeliveryPartnerId)?.Name ?? "";
                            await partnerships.WriteDerivedAsync(partnership, school.Urn, partnerName, decision.State.Setup, ct).ConfigureAwait(false);
                        }

                        await schools.SchoolViewChangedAsync(stored?.Value, decision.State, ct).ConfigureAwait(false);
                    }, cancellationToken).ConfigureAwait(false);
                }

                return SchoolCohortView.From(school.SchoolId, school.Urn, year, decision.State);
            }

            if (attempt == MaxAttempts)
            {
                return ApiError.SchoolCohortChanged();
            }
        }
    }

    private async Task<(School School, int Year)?> FindAsync(string urn, string cohort, CancellationToken cancellationToken)
    {
        if (!int.TryParse(urn, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !int.TryParse(cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.GetContractPeriod(year) is null
            || await schools.FindByUrnAsync(number, cancellationToken).ConfigureAwait(false) is not { } stored
            || stored.School.Status is SchoolStatus.Superseded or SchoolStatus.Merged)
        {
            return null;
        }

        return (stored.School, year);
    }
}
