using CsCheck;
using Ecf.Domain.Declarations;
using Ecf.Domain.Finance;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Tests.Finance;

/// <summary>
/// Random declaration histories over several statements of one provider and contract year: people declare, lead providers
/// void unpaid declarations, paid ones are clawed back, and people are declared again. Each statement is calculated from its
/// own lines and the counts of the earlier ones, then paid.
/// </summary>
public sealed class BandingPropertyTests
{
    private static readonly string[] Types = [DeclarationType.Started, DeclarationType.Retained1];

    /// <summary>A step: 0 declare, 1 void, 2 claw back, 3 nothing; a person (modulo the people); a declaration type.</summary>
    private static readonly Gen<(int Kind, int Person, int Type)> Step = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 7], Gen.Int[0, 1]);

    private static readonly Gen<(int[] Capacities, bool OpenTop, int People, (int Kind, int Person, int Type)[][] Statements)> Histories =
        Gen.Select(Gen.Int[1, 4].Array[1, 4], Gen.Bool, Gen.Int[1, 8], Step.Array[0, 12].Array[2, 6]);

    [Fact]
    public void Statements_NetPerBandStaysWithinCapacity_AndNoMilestoneIsPaidTwice() =>
        Histories.Sample((capacities, openTop, people, statements) =>
        {
            // ECF pays nothing beyond a closed top band, so a contract's top band has room for everyone (or is open).
            var contract = ContractWith(capacities, openTop, people);
            var bands = contract.LetteredBands();
            var history = Simulate(statements, people);

            var net = new Dictionary<(string Type, string Band), int>();
            for (var s = 0; s < history.Count; s++)
            {
                var previous = PreviousCounts.ByType(history.Take(s).SelectMany(l => l), l => EcfStatementCalculator.Counts(l, 2024));
                var result = EcfStatementCalculator.Calculate(new EcfStatementInput(2024, contract, history[s], previous, [], 0m, false));
                foreach (var type in result.DeclarationTypes.Where(t => Types.Contains(t.DeclarationType)))
                {
                    foreach (var (band, lettered) in type.Bands.Zip(bands))
                    {
                        var key = (type.DeclarationType, band.Band);
                        net[key] = net.GetValueOrDefault(key) + band.Additions - band.Subtractions;
                        Assert.InRange(net[key], 0, lettered.Band.Capacity ?? int.MaxValue);
                    }
                }
            }

            var lines = history.SelectMany(l => l).ToList();
            foreach (var type in Types)
            {
                var netPaidPerPerson = lines.Where(l => l.DeclarationType == type).GroupBy(l => l.PersonId)
                    .Select(g => g.Count(l => l.IsBillable) - g.Count(l => l.IsRefundable)).ToList();
                Assert.All(netPaidPerPerson, n => Assert.InRange(n, 0, 1));
                // What the bands paid net is what the people were paid net: each paid milestone once.
                Assert.Equal(netPaidPerPerson.Sum(), net.Where(p => p.Key.Type == type).Sum(p => p.Value));
            }
        }, iter: 500);

    private static EcfContract ContractWith(int[] capacities, bool openTop, int people)
    {
        var bands = new List<ParticipantBand>();
        var min = 1;
        for (var i = 0; i < capacities.Length; i++)
        {
            var top = i == capacities.Length - 1;
            var capacity = top ? capacities[i] + people : capacities[i];
            bands.Add(new ParticipantBand(min, top && openTop ? null : min + capacity - 1, 1000m - (100m * i)));
            min += capacity;
        }

        return FinanceFixtures.Contract with { Bands = bands };
    }

    /// <summary>Each statement's lines, as they stand once every statement is paid.</summary>
    private static List<List<StatementLine>> Simulate((int Kind, int Person, int Type)[][] statements, int people)
    {
        var history = new List<List<StatementLine>>();
        // The index of this statement's line holding each (person, type)'s slot or refund.
        var open = new Dictionary<(int, int), int>();
        var paid = new HashSet<(int, int)>();
        var id = 0;
        foreach (var steps in statements)
        {
            var lines = new List<StatementLine>();
            history.Add(lines);
            foreach (var (kind, p, t) in steps)
            {
                var key = (p % people, t);
                var person = $"person-{key.Item1}";
                switch (kind)
                {
                    case 0 when !open.ContainsKey(key) && !paid.Contains(key):
                        open[key] = lines.Count;
                        lines.Add(new StatementLine($"d{id++}", person, Types[t], CourseIdentifiers.EcfInduction, DeclarationStates.Eligible));
                        break;
                    case 1 when open.TryGetValue(key, out var index) && lines[index].State == DeclarationStates.Eligible:
                        lines[index] = lines[index] with { State = DeclarationStates.Voided };
                        open.Remove(key);
                        break;
                    case 2 when paid.Contains(key) && !open.ContainsKey(key):
                        open[key] = lines.Count;
                        lines.Add(new StatementLine($"d{id++}", person, Types[t], CourseIdentifiers.EcfInduction, DeclarationStates.AwaitingClawback));
                        break;
                    default:
                        break;
                }
            }

            // The statement is paid: eligible lines become paid, awaiting clawback clawed back.
            for (var i = 0; i < lines.Count; i++)
            {
                lines[i] = lines[i] with
                {
                    State = lines[i].State switch
                    {
                        DeclarationStates.Eligible => DeclarationStates.Paid,
                        DeclarationStates.AwaitingClawback => DeclarationStates.ClawedBack,
                        var s => s,
                    },
                };
            }

            foreach (var (key, index) in open)
            {
                if (lines[index].State == DeclarationStates.Paid)
                {
                    paid.Add(key);
                }
                else
                {
                    paid.Remove(key);
                }
            }

            open.Clear();
        }

        return history;
    }
}
