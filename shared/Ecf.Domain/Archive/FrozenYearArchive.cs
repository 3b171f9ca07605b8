using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Archive;

/// <summary>
/// Which people may be archived out of a payments-frozen contract year: undeclared participants whose latest training is paid
/// from that year (docs/domain.md#archiving). A person is archivable only when every participation they have is; the first
/// participation that is not names the reason. Pure: the caller supplies the contract period, the time and whether any ECT
/// was ever mentored by the person.
/// </summary>
public static class FrozenYearArchive
{
    /// <summary>What the archive document records as the reason.</summary>
    public const string Reason = "undeclared participants in frozen contract year";

    /// <summary>
    /// ECF's <c>ARCHIVE_UPTO_START_DATE</c>: an ECT whose induction started on or after this day (the first cohort's start) is
    /// never archived by this rule, whatever the frozen year.
    /// </summary>
    public static readonly DateOnly ArchiveUpToStartDate = new(2021, 9, 1);

    /// <param name="person">The person as stored.</param>
    /// <param name="facts">The contract year asked for, its period, now, and whether any ECT names the person as mentor.</param>
    public static ArchiveDecision Decide(Person person, ArchiveFacts facts)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Period is not { } period || period.Year != facts.ContractYear)
        {
            return ArchiveDecision.Refused(ArchiveRefusal.ContractYearUnknown, $"{facts.ContractYear} is not a contract year");
        }

        if (!period.PaymentsFrozen(facts.Now))
        {
            return ArchiveDecision.Refused(ArchiveRefusal.ContractYearNotFrozen, $"payments for {facts.ContractYear} are not frozen");
        }

        if (person.Participations.Count == 0)
        {
            return ArchiveDecision.Refused(ArchiveRefusal.NoParticipation, "no participation");
        }

        foreach (var participation in person.Participations)
        {
            if (Refusal(participation, facts) is { } refusal)
            {
                return ArchiveDecision.Refused(refusal, $"{participation.Type} {participation.TrainingRecordId}: {Describe(refusal, facts.ContractYear)}");
            }
        }

        return new ArchiveDecision(true, null, Reason, [.. person.Participations.Select(p => p.TrainingRecordId)]);
    }

    /// <summary>Why <paramref name="participation"/> keeps its person out of the archive, or null when it is archivable.</summary>
    public static ArchiveRefusal? Refusal(Participation participation, ArchiveFacts facts)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(facts);
        if (participation.LatestTrainingPeriod is not { } latest || latest.ContractYear != facts.ContractYear)
        {
            return ArchiveRefusal.LatestTrainingInAnotherYear;
        }

        if (participation.Declarations.Any(d => !IsArchivableState(d.State)))
        {
            return ArchiveRefusal.BillableDeclaration;
        }

        if (participation.Type == ParticipationTypes.Ect)
        {
            if (participation.InductionPeriods.Any(i => i.FinishedOn is not null))
            {
                return ArchiveRefusal.InductionCompleted;
            }

            if (participation.InductionPeriods.Count > 0 && participation.InductionPeriods[0].StartedOn >= ArchiveUpToStartDate)
            {
                return ArchiveRefusal.InductionStartedTooLate;
            }

            if (latest.TrainingProgramme != TrainingProgrammes.ProviderLed)
            {
                return ArchiveRefusal.SchoolLed;
            }

            return null;
        }

        if (participation.Declarations.Any(d => d.DeclarationType == DeclarationType.Completed && d.State != DeclarationStates.Voided))
        {
            return ArchiveRefusal.MentorCompleted;
        }

        return facts.MentoredAnEct ? ArchiveRefusal.MentorOfAnEct : null;
    }

    /// <summary>
    /// Submitted, ineligible and voided declarations leave a participant archivable; every other state (eligible, payable, paid,
    /// awaiting clawback, clawed back) means money moved or is due. Payable and paid are derived from a stored eligible state, so the
    /// stored state is enough.
    /// </summary>
    public static bool IsArchivableState(string state) => state is DeclarationStates.Submitted or DeclarationStates.Ineligible or DeclarationStates.Voided;

    private static string Describe(ArchiveRefusal refusal, int year) => refusal switch
    {
        ArchiveRefusal.LatestTrainingInAnotherYear => $"its latest training is not paid from {year}",
        ArchiveRefusal.BillableDeclaration => "it has a declaration that is eligible, payable, paid, awaiting clawback or clawed back",
        ArchiveRefusal.InductionCompleted => "its induction is completed",
        ArchiveRefusal.InductionStartedTooLate => "its induction started on or after 1 September 2021",
        ArchiveRefusal.SchoolLed => "its training is school-led",
        ArchiveRefusal.MentorCompleted => "its mentor training is completed",
        ArchiveRefusal.MentorOfAnEct => "it has mentored an ECT",
        _ => refusal.ToString(),
    };
}

/// <param name="ContractYear">The frozen contract year being archived.</param>
/// <param name="Period">That year's contract period (null when the year is unknown).</param>
/// <param name="Now">The time payments are judged frozen at.</param>
/// <param name="MentoredAnEct">Some ECT's mentorship period names this person as mentor (now or before).</param>
public sealed record ArchiveFacts(int ContractYear, ContractPeriod? Period, DateTimeOffset Now, bool MentoredAnEct);

/// <summary>The outcome: archivable (with the training record ids it holds) or not (with the first refusal and why).</summary>
public sealed record ArchiveDecision(bool Archivable, ArchiveRefusal? Refusal, string Reason, IReadOnlyList<string> TrainingRecordIds)
{
    public static ArchiveDecision Refused(ArchiveRefusal refusal, string reason) => new(false, refusal, reason, []);
}

/// <summary>Why a person stays out of the archive.</summary>
public enum ArchiveRefusal
{
    ContractYearUnknown,
    ContractYearNotFrozen,
    NoParticipation,
    LatestTrainingInAnotherYear,
    BillableDeclaration,
    InductionCompleted,
    InductionStartedTooLate,
    SchoolLed,
    MentorCompleted,
    MentorOfAnEct,
}
