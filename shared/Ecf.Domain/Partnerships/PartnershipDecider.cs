using System.Globalization;

namespace Ecf.Domain.Partnerships;

/// <summary>
/// Pure rules of a school's partnerships for a year (ECF <c>Partnerships::Create</c>): one active partnership per school and
/// year, so a second one is "already exists" for the same provider and "recruited by other provider" for another. School and
/// delivery partner checks that need reference data happen in the handler before this.
/// </summary>
public static class PartnershipDecider
{
    public const string AlreadyExists = "You are already confirmed to be in partnership with the school for the entered cohort.";
    public const string RecruitedByOther = "Another provider is already confirmed to be in partnership with the school for the entered cohort. Contact the school for more information.";
    public const string ProgrammeNotYetConfirmed = "The school you have entered has not yet confirmed they will deliver DfE-funded training. Contact the school for more information.";
    public const string ActivePartnershipBlocksChoice = "The school has an active partnership for this cohort. The partnership must be challenged before the school chooses another induction programme.";

    /// <summary>
    /// POST: refused when the school already has an active partnership for the year (this provider or another), or when it had a
    /// provider last year (<paramref name="hadProviderLastYear"/>) and has not set this year up (ECF's
    /// <c>school_programme_not_yet_confirmed</c>). A school that had not set the year up becomes provider-led.
    /// </summary>
    public static PartnershipDecision Create(
        SchoolPartnerships? state, string partnershipId, string schoolId, Guid leadProviderId, Guid deliveryPartnerId, int contractYear, bool hadProviderLastYear, PartnershipChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (state?.Default is { } active)
        {
            return active.LeadProviderId == leadProviderId
                ? PartnershipDecision.Refused("school_id", AlreadyExists)
                : PartnershipDecision.Refused("school_id", RecruitedByOther);
        }

        if (state?.Setup is null && hadProviderLastYear)
        {
            return PartnershipDecision.Refused("school_id", ProgrammeNotYetConfirmed);
        }

        var partnership = new Partnership
        {
            Id = partnershipId,
            SchoolId = schoolId,
            LeadProviderId = leadProviderId,
            DeliveryPartnerId = deliveryPartnerId,
            ContractYear = contractYear,
            CreatedAt = context.At,
            UpdatedAt = context.At,
        };
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["leadProviderId"] = Text(leadProviderId),
            ["deliveryPartnerId"] = Text(deliveryPartnerId),
            ["contractYear"] = contractYear.ToString(CultureInfo.InvariantCulture),
        };
        var next = (state ?? new SchoolPartnerships { Id = SchoolPartnerships.DocumentId(contractYear), SchoolId = schoolId, ContractYear = contractYear, UpdatedAt = context.At }) with
        {
            Setup = state?.Setup ?? new SchoolCohortSetup(InductionProgrammeChoices.ProviderLed, null, null, context.At),
            Partnerships = [.. state?.Partnerships ?? [], partnership],
            Timeline = [.. state?.Timeline ?? [], Event(PartnershipEventTypes.Created, partnershipId, context, null, changes)],
            UpdatedAt = context.At,
        };
        return new PartnershipDecision(next, partnership, null);
    }

    /// <summary>PUT: only the delivery partner changes. Unchanged when it is already that partner.</summary>
    public static PartnershipDecision ChangeDeliveryPartner(SchoolPartnerships state, string partnershipId, Guid deliveryPartnerId, PartnershipChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var partnership = state.Find(partnershipId);
        if (partnership is null)
        {
            return PartnershipDecision.Refused("id", "Nothing could be found for the provided details");
        }

        if (partnership.DeliveryPartnerId == deliveryPartnerId)
        {
            return new PartnershipDecision(state, partnership, null);
        }

        var changed = partnership with { DeliveryPartnerId = deliveryPartnerId, UpdatedAt = context.At };
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal) { ["deliveryPartnerId"] = Text(deliveryPartnerId), ["previousDeliveryPartnerId"] = Text(partnership.DeliveryPartnerId) };
        return new PartnershipDecision(Replace(state, changed, Event(PartnershipEventTypes.DeliveryPartnerChanged, partnershipId, context, null, changes)), changed, null);
    }

    /// <summary>A school (or the DfE) says the partnership is wrong; it stops giving the provider visibility and stops being the default.</summary>
    public static PartnershipDecision Challenge(SchoolPartnerships state, string partnershipId, string reason, PartnershipChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (!PartnershipStatuses.ChallengeReasons.Contains(reason, StringComparer.Ordinal))
        {
            return PartnershipDecision.Refused("reason", $"The reason must be one of: {string.Join(", ", PartnershipStatuses.ChallengeReasons)}.");
        }

        var partnership = state.Find(partnershipId);
        if (partnership is null)
        {
            return PartnershipDecision.Refused("id", "Nothing could be found for the provided details");
        }

        if (!partnership.IsActive)
        {
            return PartnershipDecision.Refused("status", "The partnership is already challenged.");
        }

        var changed = partnership with { Status = PartnershipStatuses.Challenged, ChallengedReason = reason, ChallengedAt = context.At, UpdatedAt = context.At };
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal) { ["status"] = PartnershipStatuses.Challenged, ["challengedReason"] = reason };
        return new PartnershipDecision(Replace(state, changed, Event(PartnershipEventTypes.Challenged, partnershipId, context, reason, changes)), changed, null);
    }

    /// <summary>
    /// The school sets the year up: its programme choice and induction tutor. A choice other than provider-led is refused while a
    /// partnership is active. Unchanged (same state, no event) when nothing differs.
    /// </summary>
    public static SchoolCohortSetupDecision SetUpCohort(
        SchoolPartnerships? state, string schoolId, int contractYear, string choice, string tutorName, string tutorEmail, PartnershipChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (choice != InductionProgrammeChoices.ProviderLed && state?.Default is not null)
        {
            return new SchoolCohortSetupDecision(null, false, new PartnershipRefusal("induction_programme_choice", ActivePartnershipBlocksChoice));
        }

        if (state?.Setup is { } current
            && current.InductionProgrammeChoice == choice
            && current.InductionTutorName == tutorName
            && string.Equals(current.InductionTutorEmail, tutorEmail, StringComparison.OrdinalIgnoreCase))
        {
            return new SchoolCohortSetupDecision(state, false, null);
        }

        var changes = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["inductionProgrammeChoice"] = choice,
            ["inductionTutorName"] = tutorName,
            ["inductionTutorEmail"] = tutorEmail,
        };
        var next = (state ?? new SchoolPartnerships { Id = SchoolPartnerships.DocumentId(contractYear), SchoolId = schoolId, ContractYear = contractYear, UpdatedAt = context.At }) with
        {
            Setup = new SchoolCohortSetup(choice, tutorName, tutorEmail, context.At),
            Timeline = [.. state?.Timeline ?? [], Event(PartnershipEventTypes.CohortSetUp, "", context, null, changes)],
            UpdatedAt = context.At,
        };
        return new SchoolCohortSetupDecision(next, true, null);
    }

    private static SchoolPartnerships Replace(SchoolPartnerships state, Partnership changed, PartnershipEvent @event) => state with
    {
        Partnerships = [.. state.Partnerships.Select(p => p.Id == changed.Id ? changed : p)],
        Timeline = [.. state.Timeline, @event],
        UpdatedAt = @event.OccurredAt,
    };

    private static PartnershipEvent Event(string type, string partnershipId, PartnershipChangeContext context, string? reason, IReadOnlyDictionary<string, string?> changes) =>
        new(type, partnershipId, context.At, context.ActorType, context.ActorId, context.CorrelationId, reason, changes);

    private static string Text(Guid id) => id.ToString("D");
}
