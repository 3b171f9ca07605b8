using System.Diagnostics;
using System.Globalization;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The people a benchmark generates: their contract years (spread evenly in creation order), the share moved to another
/// provider's school in the January after their start, when they were created, and, when <see cref="StatusesAsOf"/> is set,
/// the day their stored statuses (and next status change date) are computed as of; otherwise the statuses stay active.
/// <see cref="EligiblePercent"/> of them (those whose number modulo 100 is below it, so spread over years and providers) have an
/// admin's decision <c>eligible</c> from their start; the others keep the registration's <c>manual_check</c>.
/// </summary>
internal sealed record PeopleShape(int[] Years, int TransferPercent, DateTimeOffset CreatedFrom, TimeSpan CreatedOver, DateOnly? StatusesAsOf, int EligiblePercent = 0)
{
    /// <summary>The participant list's mix: contract years 2021-2026 created over five years, 3% transferred.</summary>
    public static PeopleShape List { get; } = new(
        [.. Enumerable.Range(2021, 6)], 3, new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(5 * 365), null);

    /// <summary>
    /// One cohort registered in the summer to start on 1 September of <paramref name="year"/>: every person is <c>joining</c>
    /// as of 20 August, with 1 September as their next status change date (no transfers).
    /// </summary>
    public static PeopleShape JoiningOnFirstSeptember(int year) => new(
        [year], 0, new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(80), new DateOnly(year, 8, 20));
}

/// <summary>Writes generated person documents and their provider views in bulk into an embedded store.</summary>
internal static class PeopleGenerator
{
    /// <summary>
    /// Writes <paramref name="count"/> people shaped by <paramref name="shape"/>; returns the provider with most participants and its
    /// count. <paramref name="generated"/>, when given, sees each person as written, with its number.
    /// </summary>
    public static async Task<(Guid Provider, int Count)> GenerateAsync(string database, int count, PeopleShape shape, Action<int, Person>? generated = null)
    {
        var watch = Stopwatch.StartNew();
        await using var store = new SqliteDocumentStore(database);
        await store.EnsureContainersAsync(EcfContainers.All);
        await using var services = new ServiceCollection().AddSingleton<IDocumentStore>(store).AddLogging().AddEcfReferenceData().BuildServiceProvider();
        await services.GetRequiredService<IReferenceDataSeeder>().SeedAsync();
        var reference = await services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        var random = new Random(20251015);
        var years = shape.Years;
        var byYear = years.ToDictionary(y => y, y => reference.LeadProviders.Where(p => p.IsActiveForEcf(y)).ToArray());
        var partners = years.ToDictionary(y => y, y => reference.Relationships.Where(r => r.ContractYear == y).ToArray());
        var peopleContainer = store.GetContainer(EcfContainers.People);
        var views = store.GetContainer(EcfContainers.ProviderViews);
        var noFacts = new Dictionary<string, PartnershipFact>();
        var visible = new Dictionary<Guid, int>();
        var personOps = new List<DocumentOperation>();
        var viewOps = new List<DocumentOperation>();
        for (var n = 0; n < count; n++)
        {
            var year = years[Math.Min(years.Length - 1, (int)((double)n / count * years.Length))];
            var providers = byYear[year];
            var provider = providers[random.Next(providers.Length)];
            var relationship = partners[year].FirstOrDefault(r => r.LeadProviderId == provider.Id);
            var createdAt = shape.CreatedFrom.AddSeconds((double)n / count * shape.CreatedOver.TotalSeconds).AddMilliseconds(random.Next(1000));
            var person = Person(n, year, provider.Id, relationship?.DeliveryPartnerId, createdAt, random.Next(5) < 2);
            if (random.Next(100) < shape.TransferPercent)
            {
                var other = providers[random.Next(providers.Length)];
                person = Transfer(person, other.Id, new DateOnly(year + 1, 1, 5));
            }

            if (shape.StatusesAsOf is { } asOf)
            {
                person = StatusesAsOf(person, asOf);
            }

            if (n % 100 < shape.EligiblePercent)
            {
                person = Eligible(person);
            }

            generated?.Invoke(n, person);

            personOps.Add(DocumentOperation.Upsert(person.PersonId, person.Id, DocumentJson.Serialize(person)));
            foreach (var (seen, projected) in ParticipantProjection.Participants(person, noFacts))
            {
                var document = ProviderViewWriter.DecideParticipant(null, seen, person, projected)!;
                viewOps.Add(DocumentOperation.Upsert(document.LeadProviderId, document.Id, DocumentJson.Serialize(document)));
                visible[seen] = visible.GetValueOrDefault(seen) + 1;
            }

            foreach (var side in ParticipantProjection.Transfers(person, reference, _ => person.UpdatedAt).SelectMany(t => new[] { t.LeavingProviderId, t.JoiningProviderId }).OfType<Guid>().Distinct())
            {
                var document = ProviderViewWriter.DecideTransfer(null, side, person, reference)!;
                viewOps.Add(DocumentOperation.Upsert(document.LeadProviderId, document.Id, DocumentJson.Serialize(document)));
            }

            if (personOps.Count >= 5_000 || n == count - 1)
            {
                await WriteAsync(peopleContainer, personOps);
                await WriteAsync(views, viewOps);
            }
        }

        var busiest = visible.MaxBy(v => v.Value);
        Console.WriteLine(FormattableString.Invariant(
            $"Generated {count} people with provider views in {watch.Elapsed.TotalSeconds:F1} s; {visible.Count} providers; busiest sees {busiest.Value}."));
        return (busiest.Key, busiest.Value);
    }

    /// <summary>The id of the <paramref name="n"/>th generated person.</summary>
    public static string PersonId(int n) => DeterministicGuid("person", n);

    private static async Task WriteAsync(IDocumentContainer container, List<DocumentOperation> operations)
    {
        var results = await container.BulkWriteAsync(operations);
        if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            throw new InvalidOperationException($"Bulk write failed: {failed.Error}");
        }

        operations.Clear();
    }

    private static Person Person(int n, int year, Guid provider, Guid? partner, DateTimeOffset createdAt, bool mentor) => TestPeople.Participant(
        mentor ? ParticipationTypes.Mentor : ParticipationTypes.Ect,
        provider,
        year,
        personId: PersonId(n),
        deliveryPartner: partner,
        urn: 100_000 + (n % 12_000),
        schoolId: DeterministicGuid("school", n % 12_000),
        trn: (1_000_000 + n).ToString(CultureInfo.InvariantCulture),
        fullName: $"Participant {n}",
        email: $"participant{n}@example.org",
        dateOfBirth: new DateOnly(1980 + (n % 20), 1 + (n % 12), 1 + (n % 28)),
        createdAt: createdAt,
        trainingRecordId: DeterministicGuid("record", n),
        timelineSequence: 5);

    /// <summary>Moves the person to the next school with <paramref name="provider"/>, four months after their last change.</summary>
    private static Person Transfer(Person person, Guid provider, DateOnly on)
    {
        var school = person.Participations[0].AtSchoolPeriods[0];
        var moved = person.Transferred(provider, on, school.SchoolUrn + 1, school.SchoolId + "-2");
        return moved with { UpdatedAt = person.UpdatedAt.AddDays(120) };
    }

    /// <summary>
    /// Funding eligibility decided eligible from the participation's start, as an admin's decision records it: the registration's
    /// period ends where the new one starts (docs/domain.md#funding-eligibility).
    /// </summary>
    private static Person Eligible(Person person)
    {
        var participation = person.Participations[0];
        var registration = participation.FundingEligibility[0];
        var decided = new FundingEligibilityPeriod(
            participation.TrainingRecordId + ":eligibility:2", FundingEligibilityStatuses.Eligible, "induction_confirmed", "manual", registration.From, null);
        return person with { Participations = [participation with { FundingEligibility = [registration with { To = registration.From }, decided] }] };
    }

    /// <summary>The person's statuses as the write path stores them on <paramref name="day"/>, with the next change date they imply.</summary>
    private static Person StatusesAsOf(Person person, DateOnly day)
    {
        var recomputed = person with { Participations = [.. person.Participations.Select(p => p with { Statuses = ParticipationStatusRules.Compute(p, day) })] };
        return recomputed with { NextStatusChangeOn = ParticipationStatusRules.NextChangeOn(recomputed) };
    }

    private static string DeterministicGuid(string kind, int n)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(kind + ":" + n.ToString(CultureInfo.InvariantCulture)))[..16];
        return new Guid(bytes).ToString("D");
    }
}
