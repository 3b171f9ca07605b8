using System.Net;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Functions.Tests.Api;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;

namespace Ecf.Functions.Tests.Participants;

/// <summary>The v3 participant endpoints through the real pipeline on the embedded store; views written by the real writer.</summary>
public sealed class ParticipantsApiTests : IAsyncLifetime
{
    private const string Ambition = "Ambition Institute";
    private const string BestPractice = "Best Practice Network";

    private readonly EcfAppFactory _factory = new();

    private Guid _ambition;
    private Guid _bestPractice;

    public async Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        using var client = _factory.CreateClient();
        var reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        _ambition = reference.FindLeadProviderByName(Ambition)!.Id;
        _bestPractice = reference.FindLeadProviderByName(BestPractice)!.Id;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_TwoProviders_EachSeesOnlyItsOwnInV3Shape()
    {
        var mine = await CommitAsync(Ect(_ambition, 0));
        await CommitAsync(Ect(_bestPractice, 1));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        var body = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/participants/ecf"), HttpStatusCode.OK);

        var item = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(["data"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(mine.PersonId, item.GetProperty("id").GetString());
        Assert.Equal("participant", item.GetProperty("type").GetString());
        Assert.Equal(
            ["ecf_enrolments", "full_name", "participant_id_changes", "teacher_reference_number", "updated_at"],
            item.GetProperty("attributes").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Get_AnotherProvidersParticipant_SameResponseAsUnknownId()
    {
        var theirs = await CommitAsync(Ect(_bestPractice, 0));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        var other = await client.GetAsync($"/api/v3/participants/ecf/{theirs.PersonId}");
        var unknown = await client.GetAsync($"/api/v3/participants/ecf/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
        Assert.Equal(("Resource not found", "Nothing could be found for the provided details"), HttpAssert.SingleV3Error(await HttpAssert.JsonAsync(other, HttpStatusCode.NotFound)));
    }

    [Fact]
    public async Task Get_OwnParticipant_ReturnsTheResource()
    {
        var mine = await CommitAsync(Ect(_ambition, 0));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        var body = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v3/participants/ecf/{mine.PersonId}"), HttpStatusCode.OK);

        Assert.Equal(mine.PersonId, body.GetProperty("data").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("page[page]=0", "ecf.1402")]
    [InlineData("page[per_page]=abc", "ecf.1402")]
    [InlineData("filter[updated_since]=yesterday", "ecf.1403")]
    [InlineData("filter[training_status]=paused", "ecf.1404")]
    [InlineData("filter=2024", "ecf.1401")]
    public async Task List_BadParameter_400WithEcfMessage(string queryString, string code)
    {
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        await V3Assert.ErrorAsync(await client.GetAsync("/api/v3/participants/ecf?" + queryString), code);
    }

    [Fact]
    public async Task List_Filters_CohortTrainingStatusAndUpdatedSince()
    {
        var old = await CommitAsync(Ect(_ambition, 0, cohort: 2023));
        var current = await CommitAsync(Ect(_ambition, 1, cohort: 2025));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        Assert.Equal([old.PersonId], await IdsAsync(client, "filter[cohort]=2023"));
        Assert.Equal([old.PersonId, current.PersonId], await IdsAsync(client, "filter[cohort]=2023,2025"));
        Assert.Equal([current.PersonId], await IdsAsync(client, "filter[updated_since]=" + Uri.EscapeDataString(V3Json.Time(current.UpdatedAt))));
        Assert.Empty(await IdsAsync(client, "filter[training_status]=withdrawn"));
        Assert.Equal(2, (await IdsAsync(client, "filter[training_status]=active")).Count);
        Assert.Equal([current.PersonId, old.PersonId], await IdsAsync(client, "sort=-created_at"));
    }

    [Fact]
    public async Task List_DualRolePersonWithDifferentCohortsAndStatuses_MatchesAFilterOnAnyOfItsEnrolments()
    {
        var ect = Ect(_ambition, 0, cohort: 2023);
        var mentorFrom = new DateOnly(2025, 9, 1);
        var mentor = new Participation
        {
            TrainingRecordId = Guid.NewGuid().ToString("D"),
            Type = ParticipationTypes.Mentor,
            CreatedAt = ect.CreatedAt.AddSeconds(1),
            AtSchoolPeriods = [new AtSchoolPeriod("s2", "school-1", 100001, mentorFrom, null)],
            TrainingPeriods =
            [
                new TrainingPeriod
                {
                    Id = "t2", AtSchoolPeriodId = "s2", TrainingProgramme = TrainingProgrammes.ProviderLed, LeadProviderId = _ambition,
                    ScheduleIdentifier = "ecf-standard-september", Cohort = 2025, ContractYear = 2025, From = mentorFrom,
                },
            ],
            Statuses = new ParticipationStatuses(TrainingStatuses.Withdrawn, ParticipantStatuses.Withdrawn, null, mentorFrom),
        };
        var dual = await CommitAsync(ect with { Participations = [.. ect.Participations, mentor] });
        var single = await CommitAsync(Ect(_ambition, 1, cohort: 2024));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        Assert.Equal([dual.PersonId], await IdsAsync(client, "filter[cohort]=2023"));
        Assert.Equal([dual.PersonId], await IdsAsync(client, "filter[cohort]=2025"));
        Assert.Equal([dual.PersonId, single.PersonId], await IdsAsync(client, "filter[cohort]=2024,2025"));
        Assert.Empty(await IdsAsync(client, "filter[cohort]=2022"));
        Assert.Equal([dual.PersonId], await IdsAsync(client, "filter[training_status]=withdrawn"));
        Assert.Equal([dual.PersonId, single.PersonId], await IdsAsync(client, "filter[training_status]=active"));
        Assert.Empty(await IdsAsync(client, "filter[cohort]=2024&filter[training_status]=withdrawn"));
    }

    [Fact]
    public async Task List_PagedWhileWritersRegisterAndChange_ReturnsEveryExistingParticipantExactlyOnce()
    {
        var existing = new List<Person>();
        for (var i = 0; i < 60; i++)
        {
            existing.Add(await CommitAsync(Ect(_ambition, i)));
        }

        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await CommitAsync(Ect(_ambition, 1_000 + (w * 10_000) + n));
                var changed = existing[(w * 7 + n) % existing.Count];
                await CommitAsync(changed with { FullName = $"Renamed {w}-{n}", TimelineSequence = changed.TimelineSequence + 100 + n + (w * 10_000), UpdatedAt = changed.UpdatedAt.AddMinutes(n + 1) });
            }
        })).ToList();

        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var ids = await IdsAsync(client, $"page[per_page]=7&page[page]={page}");
            if (ids.Count == 0)
            {
                break;
            }

            seen.AddRange(ids);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), existing.Select(p => p.PersonId).ToHashSet());
    }

    [Fact]
    public async Task List_BulkWrittenViewsOverEveryProvider_FullSyncsReturnEachProvidersCountExactlyOnce()
    {
        // The list benchmark's flow at small size: person documents and their views bulk-written, then full syncs over HTTP.
        var reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        var providers = reference.LeadProviders.Where(p => p.DeliversEcf).ToList();
        var store = _factory.Services.GetRequiredService<IDocumentStore>();
        var operations = new List<DocumentOperation>();
        var expected = providers.ToDictionary(p => p.Id, _ => 0);
        for (var n = 0; n < 700; n++)
        {
            var provider = providers[n % providers.Count].Id;
            var person = Ect(provider, n, cohort: 2021 + (n % 6));
            var projected = ParticipantProjection.Participants(person, new Dictionary<string, PartnershipFact>())[provider];
            var view = ProviderViewWriter.DecideParticipant(null, provider, person, projected)!;
            operations.Add(DocumentOperation.Upsert(view.LeadProviderId, view.Id, DocumentJson.Serialize(view)));
            expected[provider]++;
        }

        Assert.All(await store.GetContainer(EcfContainers.ProviderViews).BulkWriteAsync(operations), r => Assert.True(r.Succeeded));
        foreach (var provider in providers.Take(3))
        {
            var client = await _factory.CreateClientWithTokenAsync("lead_provider", provider.Name);
            foreach (var perPage in new[] { 100, 3000 })
            {
                var seen = new List<string>();
                for (var page = 1; ; page++)
                {
                    var ids = await IdsAsync(client, $"page[per_page]={perPage}&page[page]={page}");
                    Assert.True(ids.Count <= perPage);
                    if (ids.Count == 0)
                    {
                        break;
                    }

                    seen.AddRange(ids);
                }

                Assert.Equal(expected[provider.Id], seen.Distinct().Count());
                Assert.Equal(seen.Count, seen.Distinct().Count());
            }
        }
    }

    [Fact]
    public async Task Transfers_ProviderChange_BothProvidersSeeIt()
    {
        var person = await CommitAsync(Ect(_ambition, 0));
        var moved = person with
        {
            TimelineSequence = person.TimelineSequence + 1,
            UpdatedAt = person.UpdatedAt.AddDays(1),
            Participations =
            [
                person.Participations[0] with
                {
                    AtSchoolPeriods = [person.Participations[0].AtSchoolPeriods[0] with { To = new DateOnly(2026, 1, 5) }, new AtSchoolPeriod("s2", "school-2", 100002, new DateOnly(2026, 1, 5), null)],
                    TrainingPeriods = [person.Participations[0].TrainingPeriods[0] with { To = new DateOnly(2026, 1, 5) }, person.Participations[0].TrainingPeriods[0] with { Id = "t2", AtSchoolPeriodId = "s2", LeadProviderId = _bestPractice, From = new DateOnly(2026, 1, 5) }],
                },
            ],
        };
        await CommitAsync(moved, person);

        foreach (var name in new[] { Ambition, BestPractice })
        {
            var client = await _factory.CreateClientWithTokenAsync("lead_provider", name);
            var list = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/participants/ecf/transfers"), HttpStatusCode.OK);
            var single = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v3/participants/ecf/{person.PersonId}/transfers"), HttpStatusCode.OK);
            Assert.Equal(person.PersonId, Assert.Single(list.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
            Assert.Equal("participant-transfer", single.GetProperty("data").GetProperty("type").GetString());
        }

        var ambition = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);
        Assert.Empty(await IdsAsync(ambition, ""));
    }

    [Fact]
    public async Task DeliveryPartners_List_OnlyPartnersOfThisProviderWithCohorts()
    {
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);
        var reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        var expected = reference.Relationships.Where(r => r.LeadProviderId == _ambition).Select(r => r.DeliveryPartnerId.ToString("D")).Distinct().Order().ToList();

        var body = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/delivery-partners?page[per_page]=3000"), HttpStatusCode.OK);
        var first = body.GetProperty("data")[0];
        var single = await client.GetAsync($"/api/v3/delivery-partners/{first.GetProperty("id").GetString()}");

        Assert.Equal(expected, body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Order());
        Assert.Equal("delivery-partner", first.GetProperty("type").GetString());
        Assert.NotEqual(0, first.GetProperty("attributes").GetProperty("cohort").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string query)
    {
        var body = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/participants/ecf?" + query), HttpStatusCode.OK);
        return [.. body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
    }

    private async Task<Person> CommitAsync(Person person, Person? before = null)
    {
        var store = _factory.Services.GetRequiredService<IDocumentStore>();
        await store.GetContainer(EcfContainers.People).UpsertAsync(person.PersonId, person.Id, person);
        await _factory.Services.GetRequiredService<IProviderViewWriter>().WriteAsync(before, person);
        return person;
    }

    private static Person Ect(Guid provider, int n, int cohort = 2025)
    {
        var id = Guid.NewGuid().ToString("D");
        var record = Guid.NewGuid().ToString("D");
        var at = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.Zero).AddSeconds(n);
        var from = new DateOnly(cohort, 9, 1);
        return new Person
        {
            Id = id,
            PersonId = id,
            Trn = (2_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FullName = $"Participant {n}",
            Emails = [new PersonEmail($"p{n}@example.org", EmailSources.SchoolRegistration, at, null, true)],
            Participations =
            [
                new Participation
                {
                    TrainingRecordId = record,
                    Type = ParticipationTypes.Ect,
                    CreatedAt = at,
                    AtSchoolPeriods = [new AtSchoolPeriod("s1", "school-1", 100001, from, null)],
                    TrainingPeriods =
                    [
                        new TrainingPeriod
                        {
                            Id = "t1", AtSchoolPeriodId = "s1", TrainingProgramme = TrainingProgrammes.ProviderLed, LeadProviderId = provider,
                            ScheduleIdentifier = "ecf-standard-september", Cohort = cohort, ContractYear = cohort, From = from,
                        },
                    ],
                    Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, from),
                },
            ],
            TimelineSequence = 1,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }
}
