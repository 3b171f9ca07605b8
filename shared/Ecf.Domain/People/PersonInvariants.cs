namespace Ecf.Domain.People;

/// <summary>Rules every stored person keeps; the decider refuses any decision whose result breaks one.</summary>
public static class PersonInvariants
{
    public static IReadOnlyList<string> Violations(Person? person)
    {
        if (person is null)
        {
            return [];
        }

        var problems = new List<string>();
        if (person.Emails.Count > 0 && person.Emails.Count(e => e.Current) != 1)
        {
            problems.Add("exactly one email must be current");
        }

        foreach (var type in person.Participations.GroupBy(p => p.Type).Where(g => g.Count() > 1))
        {
            problems.Add($"more than one {type.Key} participation");
        }

        foreach (var p in person.Participations)
        {
            Check(problems, p, "at-school", p.AtSchoolPeriods.Select(x => (x.From, x.To)));
            Check(problems, p, "training", p.TrainingPeriods.Select(x => (x.From, x.To)));
            Check(problems, p, "induction", p.InductionPeriods.Select(x => (x.StartedOn, x.FinishedOn)));
            Check(problems, p, "mentorship", p.MentorshipPeriods.Select(x => (x.From, x.To)));
            Check(problems, p, "funding eligibility", p.FundingEligibility.Select(x => (x.From, x.To)));
            foreach (var t in p.TrainingPeriods)
            {
                if (t.TrainingProgramme == TrainingProgrammes.ProviderLed && (t.LeadProviderId is null || t.ScheduleIdentifier is null))
                {
                    problems.Add($"{p.TrainingRecordId}: provider-led training period {t.Id} needs a lead provider and a schedule");
                }
            }
        }

        return problems;
    }

    private static void Check(List<string> problems, Participation participation, string kind, IEnumerable<(DateOnly From, DateOnly? To)> periods)
    {
        var list = periods.ToList();
        if (list.Count(p => p.To is null) > 1)
        {
            problems.Add($"{participation.TrainingRecordId}: more than one open {kind} period");
        }

        if (list.Any(p => p.To is { } to && to < p.From))
        {
            problems.Add($"{participation.TrainingRecordId}: a {kind} period ends before it starts");
        }
    }
}
