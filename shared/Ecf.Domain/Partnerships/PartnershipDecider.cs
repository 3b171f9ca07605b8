using System.Globalization;

namespace Ecf.Domain.Partnerships;

/// <summary>A partnership a lead provider asks to confirm, its fields already valid (<see cref="PartnershipValidator"/>).</summary>
public sealed record NewPartnership(string Id, string SchoolId, Guid LeadProviderId, Guid DeliveryPartnerId, int ContractYear);

/// <summary>
/// Pure rules of a school's partnerships for a year (ECF <c>Partnerships::Create</c>), decided on the school's
/// <see cref="SchoolPartnerships"/> document of the year, which holds both the partnerships and the school's programme choice, so
/// the rules between them are decided on one version and written with one ETag:
/// <list type="bullet">
/// <item>one active partnership per school and year: a second one is "already exists" for the same provider and "recruited by
/// other provider" for another;</item>
/// <item>a partnership needs a provider-led year: refused when the school chose another programme, and the school cannot choose
/// another programme while a partnership is active;</item>
/// <item>a school that had a provider last year confirms this year's programme before a provider can confirm a partnership.</item>
/// </list>
/// Field checks that need reference data are <see cref="PartnershipValidator"/>'s. Each change that moves what lead providers see
/// of the school for the year (<c>in_partnership</c>, <c>induction_programme_choice</c>) stamps
/// <see cref="SchoolPartnerships.SchoolViewUpdatedAt"/>.
/// </summary>
public static class PartnershipDecider
{
    /// <summary>
    /// POST: refused when the school already has an active partnership for the year (this provider or another), when it chose a
    /// programme other than provider-led for the year (the v3 <c>SchoolFundingError</c>), or when it had a provider last year
    /// (<paramref name="lastYear"/>) and has not set this year up (ECF's <c>school_programme_not_yet_confirmed</c>). A school that
    /// had not set the year up becomes provider-led.
    /// </summary>
    public static PartnershipDecision Create(SchoolPartnerships? state, SchoolPartnerships? lastYear, NewPartnership request, PartnershipChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (state?.Default is { } active)
        {
            return active.LeadProviderId == request.LeadProviderId
                ? PartnershipDecision.Refused(PartnershipRule.AlreadyExists, "school_id", PartnershipMessages.AlreadyExists)
                : PartnershipDecision.Refused(PartnershipRule.RecruitedByOtherProvider, "school_id", PartnershipMessages.RecruitedByOther);
        }

        if (state?.Setup is { } setup && setup.InductionProgrammeChoice != InductionProgrammeChoices.ProviderLed)
        {
            return PartnershipDecision.Refused(PartnershipRule.SchoolNotProviderLed, "school_id", PartnershipMessages.SchoolNotProviderLed);
        }

        if (state?.Setup is null && lastYear?.Default is not null)
        {
            return PartnershipDecision.Refused(PartnershipRule.ProgrammeNotYetConfirmed, "school_id", PartnershipMessages.ProgrammeNotYetConfirmed);
        }

        var (partnershipId, schoolId, leadProviderId, deliveryPartnerId, contractYear) = request;
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
        var next = (state ?? Empty(schoolId, contractYear, context.At)) with
        {
            Setup = state?.Setup ?? new SchoolCohortSetup(InductionProgrammeChoices.ProviderLed, null, null, context.At),
            Partnerships = [.. state?.Partnerships ?? [], partnership],
            Timeline = [.. state?.Timeline ?? [], Event(PartnershipEventTypes.Created, partnershipId, context, null, changes)],
            UpdatedAt = context.At,
        };
        return new PartnershipDecision(Stamp(state, next, context.At), partnership, null);
    }

    /// <summary>PUT: only the delivery partner changes. Unchanged when it is already that partner.</summary>
    public static PartnershipDecision ChangeDeliveryPartner(SchoolPartnerships state, string partnershipId, Guid deliveryPartnerId, PartnershipChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var partnership = state.Find(partnershipId);
        if (partnership is null)
        {
            return PartnershipDecision.Refused(PartnershipRule.PartnershipNotFound, "id", PartnershipMessages.NotFound);
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
            return PartnershipDecision.Refused(PartnershipRule.ChallengeReasonInvalid, "reason", PartnershipMessages.ChallengeReason);
        }

        var partnership = state.Find(partnershipId);
        if (partnership is null)
        {
            return PartnershipDecision.Refused(PartnershipRule.PartnershipNotFound, "id", PartnershipMessages.NotFound);
        }

        if (!partnership.IsActive)
        {
            return PartnershipDecision.Refused(PartnershipRule.AlreadyChallenged, "status", PartnershipMessages.AlreadyChallenged);
        }

        var changed = partnership with { Status = PartnershipStatuses.Challenged, ChallengedReason = reason, ChallengedAt = context.At, UpdatedAt = context.At };
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal) { ["status"] = PartnershipStatuses.Challenged, ["challengedReason"] = reason };
        return new PartnershipDecision(Stamp(state, Replace(state, changed, Event(PartnershipEventTypes.Challenged, partnershipId, context, reason, changes)), context.At), changed, null);
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
            return new SchoolCohortSetupDecision(null, false, new PartnershipRefusal(PartnershipRule.ActivePartnershipBlocksChoice, "induction_programme_choice", PartnershipMessages.ActivePartnershipBlocksChoice));
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
        var next = (state ?? Empty(schoolId, contractYear, context.At)) with
        {
            Setup = new SchoolCohortSetup(choice, tutorName, tutorEmail, context.At),
            Timeline = [.. state?.Timeline ?? [], Event(PartnershipEventTypes.CohortSetUp, "", context, null, changes)],
            UpdatedAt = context.At,
        };
        return new SchoolCohortSetupDecision(Stamp(state, next, context.At), true, null);
    }

    /// <summary>True when <paramref name="before"/> and <paramref name="after"/> show a lead provider different <c>in_partnership</c> or <c>induction_programme_choice</c>.</summary>
    public static bool SchoolViewChanged(SchoolPartnerships? before, SchoolPartnerships? after) =>
        (before?.Default is not null) != (after?.Default is not null)
        || (before?.InductionProgrammeChoice ?? InductionProgrammeChoices.NotYetKnown) != (after?.InductionProgrammeChoice ?? InductionProgrammeChoices.NotYetKnown);

    private static SchoolPartnerships Stamp(SchoolPartnerships? before, SchoolPartnerships after, DateTimeOffset at) =>
        SchoolViewChanged(before, after) ? after with { SchoolViewUpdatedAt = at } : after;

    private static SchoolPartnerships Empty(string schoolId, int contractYear, DateTimeOffset at) =>
        new() { Id = SchoolPartnerships.DocumentId(contractYear), SchoolId = schoolId, ContractYear = contractYear, UpdatedAt = at };

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
