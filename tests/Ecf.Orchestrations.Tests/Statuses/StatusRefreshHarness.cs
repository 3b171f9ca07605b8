using System.Globalization;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Domain.People;
using Ecf.Orchestrations.Statuses;
using Ecf.Orchestrations.Tests.Infrastructure;
using Ecf.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.Tests.Statuses;

/// <summary>
/// A real embedded store, the people, registration and provider-view services on a clock the test sets, and the in-process
/// test host (real time) running the status refresh with those services' handler. The app's clock decides "today" for the
/// refresh, as in production.
/// </summary>
internal sealed class StatusRefreshHarness : PeopleHarness
{
    private StatusRefreshHarness((StoreHost Store, DurableTaskTestHost Host) hosts)
        : base(hosts)
    {
    }

    public ReferenceDataSnapshot Reference => Host.Reference;

    public static async Task<StatusRefreshHarness> StartAsync(DateTimeOffset now) =>
        new(await StartHostsAsync<RefreshParticipantStatusesHandler>(now, registry => ParticipantStatusRefreshRegistration.Register(registry)));

    public void SetToday(string day, int hour = 0, int minute = 30) =>
        Clock.SetUtcNow(new DateTimeOffset(Day(day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero));

    public static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    public Task<OrchestrationMetadata> RunAsync(ParticipantStatusRefreshInput? input = null) => RunAsync(OrchestrationNames.ParticipantStatusRefresh, input);

    /// <summary>
    /// Closes the ECT's school and training periods on <paramref name="leavesOn"/> (no command does this yet), written like any
    /// change: person and events in one batch, then the views.
    /// </summary>
    public async Task MarkLeavingAsync(string personId, DateOnly leavesOn)
    {
        var stored = (await People.ReadAsync(personId))!;
        var participation = stored.Person.Participations.Single();
        var context = new PersonChangeContext(Clock.GetUtcNow(), new Actor(ActorTypes.Admin, "test"), "test", "leaving");
        PersonEventData[] data =
        [
            new TrainingPeriodFinished(participation.TrainingRecordId, participation.OpenTrainingPeriod!.Id, leavesOn),
            new SchoolPeriodFinished(participation.TrainingRecordId, participation.OpenAtSchoolPeriod!.Id, leavesOn),
        ];
        var person = stored.Person;
        var events = new List<PersonEvent>();
        foreach (var item in data)
        {
            var sequence = person.TimelineSequence + 1;
            var @event = new PersonEvent
            {
                Id = PersonEvent.DocumentId(personId, sequence),
                PersonId = personId,
                Sequence = sequence,
                Type = item.Type,
                OccurredAt = context.At,
                RecordedAt = context.At,
                Actor = context.Actor,
                Reason = context.Reason,
                CorrelationId = context.CorrelationId,
                TrainingRecordId = participation.TrainingRecordId,
                Data = item,
            };
            events.Add(@event);
            person = PersonDecider.Evolve(person, @event);
        }

        var written = await People.TryWriteAsync(person, stored.ETag, events);
        Assert.NotNull(written);
        await Services.GetRequiredService<IProviderViewWriter>().WriteAsync(stored.Person, written.Person);
    }

    public async Task<(string ParticipantStatus, string UpdatedAt)> ListedAsync(Guid provider, string personId)
    {
        var resource = (await ListAsync(provider)).Single(r => r.GetProperty("id").GetString() == personId);
        var attributes = resource.GetProperty("attributes");
        return (attributes.GetProperty("ecf_enrolments")[0].GetProperty("participant_status").GetString()!, attributes.GetProperty("updated_at").GetString()!);
    }
}
