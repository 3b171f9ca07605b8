using System.Globalization;
using System.Text.Json;
using Ecf.Application.Participants;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Registrations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;
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
internal sealed class StatusRefreshHarness : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private StatusRefreshHarness(StoreHost store, DurableTaskTestHost host)
    {
        Host = store;
        _host = host;
    }

    public StoreHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public TestClock Clock => Host.Clock;

    public ReferenceDataSnapshot Reference => Host.Reference;

    public PersonDocuments People => Host.Get<PersonDocuments>();

    public static async Task<StatusRefreshHarness> StartAsync(DateTimeOffset now)
    {
        var store = await StoreHost.StartAsync(services => services.AddEcfProviderViews().AddEcfPeople(), now);
        var host = await TestHosts.StartAsync(
            registry => ParticipantStatusRefreshRegistration.Register(registry),
            services => services.AddSingleton(store.Get<RefreshParticipantStatusesHandler>()));
        return new StatusRefreshHarness(store, host);
    }

    public void SetToday(string day, int hour = 0, int minute = 30) =>
        Clock.SetUtcNow(new DateTimeOffset(Day(day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero));

    public static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    public async Task<OrchestrationMetadata> RunAsync(ParticipantStatusRefreshInput? input = null)
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.ParticipantStatusRefresh, input, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await _host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    public Task<School> AddSchoolAsync(int urn) => Host.AddSchoolAsync(urn);

    public (LeadProvider Provider, DeliveryPartner Partner) ProviderWithPartner(int year, int skip = 0) => Host.ProviderWithPartner(year, skip);

    /// <summary>Registers a provider-led ECT through the registration handler.</summary>
    public async Task<RegistrationResult> RegisterEctAsync(string trn, int urn, string inductionStart, Guid provider, Guid partner)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegisterParticipantHandler>().HandleAsync(new RegisterParticipantCommand(
            new Ecf.Domain.Registrations.RegistrationRequest(ParticipationTypes.Ect, trn, "Ada Lovelace", "1990-01-31", $"{trn}@example.org", urn.ToString(CultureInfo.InvariantCulture), inductionStart,
            TrainingProgrammes.ProviderLed, provider.ToString(), partner.ToString(), null), new Actor(ActorTypes.SchoolService, "test"), "test"));
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

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

    /// <summary>The provider's participant list (first page, created order), as the API serves it.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListAsync(Guid provider)
    {
        var page = await Services.GetRequiredService<ListParticipantsHandler>().HandleAsync(
            new ListParticipantsQuery(provider, null, null, null, null, ParticipantOrder.CreatedAt, false, 1, 100));
        return [.. page.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }

    public async Task<(string ParticipantStatus, string UpdatedAt)> ListedAsync(Guid provider, string personId)
    {
        var resource = (await ListAsync(provider)).Single(r => r.GetProperty("id").GetString() == personId);
        var attributes = resource.GetProperty("attributes");
        return (attributes.GetProperty("ecf_enrolments")[0].GetProperty("participant_status").GetString()!, attributes.GetProperty("updated_at").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Host.DisposeAsync();
    }
}
