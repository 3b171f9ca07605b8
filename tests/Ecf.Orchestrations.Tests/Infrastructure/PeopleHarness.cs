using System.Globalization;
using System.Text.Json;
using Ecf.Application.Participants;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.Registrations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;
using Ecf.TestKit;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.Tests.Infrastructure;

/// <summary>
/// What the harnesses of the orchestrations over people share: a real embedded store with the people, registration and
/// provider-view services on a clock the test sets, and the in-process test host (real time) running one orchestration with
/// its handler taken from that store. The app's clock decides "now" for the orchestration, as in production.
/// </summary>
internal abstract class PeopleHarness : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    protected PeopleHarness((StoreHost Store, DurableTaskTestHost Host) hosts)
    {
        Host = hosts.Store;
        _host = hosts.Host;
    }

    public StoreHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public TestClock Clock => Host.Clock;

    public PersonDocuments People => Host.Get<PersonDocuments>();

    public Task<School> AddSchoolAsync(int urn) => Host.AddSchoolAsync(urn);

    public (LeadProvider Provider, DeliveryPartner Partner) ProviderWithPartner(int year, int skip = 0) => Host.ProviderWithPartner(year, skip);

    /// <summary>Registers a provider-led ECT through the registration handler (its timeline events written as in production).</summary>
    public async Task<RegistrationResult> RegisterEctAsync(string trn, int urn, string inductionStart, Guid provider, Guid partner)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegisterParticipantHandler>().HandleAsync(new RegisterParticipantCommand(
            new Ecf.Domain.Registrations.RegistrationRequest(ParticipationTypes.Ect, trn, "Ada Lovelace", "1990-01-31", $"{trn}@example.org", urn.ToString(CultureInfo.InvariantCulture), inductionStart,
            TrainingProgrammes.ProviderLed, provider.ToString(), partner.ToString(), null), new Actor(ActorTypes.SchoolService, "test"), "test"));
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

    /// <summary>The provider's participant list (first page, created order), as the API serves it.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListAsync(Guid provider)
    {
        var page = await Services.GetRequiredService<ListParticipantsHandler>().HandleAsync(
            new ListParticipantsQuery(provider, null, null, null, null, ParticipantOrder.CreatedAt, false, 1, 100));
        return [.. page.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>The store at <paramref name="now"/> and the test host running what <paramref name="register"/> registers, with <typeparamref name="THandler"/> from the store.</summary>
    protected static async Task<(StoreHost Store, DurableTaskTestHost Host)> StartHostsAsync<THandler>(DateTimeOffset now, Action<DurableTaskRegistry> register)
        where THandler : class
    {
        var store = await StoreHost.StartAsync(services => services.AddEcfProviderViews().AddEcfPeople(), now);
        var host = await TestHosts.StartAsync(register, services => services.AddSingleton(store.Get<THandler>()));
        return (store, host);
    }

    /// <summary>Starts <paramref name="name"/> with <paramref name="input"/> and waits (90 s at most) for it to finish.</summary>
    protected async Task<OrchestrationMetadata> RunAsync(string name, object? input)
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(name, input, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await _host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }
}
