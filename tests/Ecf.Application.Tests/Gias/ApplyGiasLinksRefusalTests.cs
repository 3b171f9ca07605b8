using System.Text;
using Ecf.Application.Gias;
using Ecf.Application.Partnerships;
using Ecf.Application.Registrations;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.Schools;
using Ecf.Storage.Files;
using Ecf.TestKit;
using Microsoft.Extensions.Options;

namespace Ecf.Application.Tests.Gias;

/// <summary>
/// Successor links against schools people are registered at (or with partnerships), on the real embedded store: the link that
/// would retire such a school is refused, listed and recorded once; without registrations the link applies as before.
/// </summary>
public sealed class ApplyGiasLinksRefusalTests : IAsyncLifetime
{
    private const string LinksHeader = "\"URN\",\"LinkURN\",\"LinkName\",\"LinkType\",\"LinkEstablishedDate\"\r\n";
    private StoreHost _host = null!;
    private string _files = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHosts.PeopleAsync();
        _files = Path.Combine(Path.GetTempPath(), "ecf-gias-links-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    [Fact]
    public async Task HandleAsync_SuccessorWithRegisteredEct_RefusesLinkOnceAndKeepsBothSchools()
    {
        var predecessor = await _host.AddSchoolAsync(100004, statusCode: "2");
        var successor = await _host.AddSchoolAsync(140004, typeCode: "28");
        await RegisterEctAsync("1234567", "140004");
        var links = await LinksFileAsync(
            "140004,100004,\"Delta Community School\",\"Predecessor\",\"01/09/2024\"",
            "100004,140004,\"Delta Academy\",\"Successor\",\"01/09/2024\"");

        var first = await Handler().HandleAsync(new ApplyGiasLinksCommand(links, "run-1", _host.Clock.GetUtcNow()));

        const string Reason = "Successor school 140004 already has registrations or partnerships; link 'Successor' from URN 100004 needs review";
        Assert.Equal((0, 1, 1), (first.Academised, first.Refused, first.Written));
        var rejected = Assert.Single(first.Rejected);
        Assert.Equal(new GiasRejectedRow(3, "100004", Reason), rejected);
        var kept = (await Schools().ReadAsync(predecessor.SchoolId))!.School;
        Assert.Equal((100004, SchoolStatus.Closed), (kept.Urn, kept.Status));
        var refusal = kept.Timeline[^1];
        Assert.Equal((SchoolEventTypes.LinkRefused, Reason, successor.SchoolId), (refusal.Type, refusal.Reason, refusal.OtherSchoolId));
        var academy = (await Schools().FindByUrnAsync(140004))!.School;
        Assert.Equal((successor.SchoolId, SchoolStatus.Active, 1), (academy.SchoolId, academy.Status, academy.Timeline.Count));

        var rerun = await Handler().HandleAsync(new ApplyGiasLinksCommand(links, "run-2", _host.Clock.GetUtcNow().AddDays(1)));

        Assert.Equal((0, 1, 0), (rerun.Academised, rerun.Refused, rerun.Written));
        Assert.Equal(first.Rejected, rerun.Rejected);
        Assert.Equal(kept.Timeline.Count, (await Schools().ReadAsync(predecessor.SchoolId))!.School.Timeline.Count);
    }

    [Fact]
    public async Task HandleAsync_SuccessorWithoutRegistrations_IsAbsorbed()
    {
        var predecessor = await _host.AddSchoolAsync(100004, statusCode: "2");
        var successor = await _host.AddSchoolAsync(140004, typeCode: "28");
        await RegisterEctAsync("1234567", "100001", addSchool: true);
        var links = await LinksFileAsync("100004,140004,\"Delta Academy\",\"Successor\",\"01/09/2024\"");

        var result = await Handler().HandleAsync(new ApplyGiasLinksCommand(links, "run-1", _host.Clock.GetUtcNow()));

        Assert.Equal((1, 0, 2), (result.Academised, result.Refused, result.Written));
        Assert.Empty(result.Rejected);
        var continuing = (await Schools().FindByUrnAsync(140004))!.School;
        Assert.Equal((predecessor.SchoolId, 140004), (continuing.SchoolId, continuing.Urn));
        Assert.Equal(SchoolStatus.Superseded, (await Schools().ReadAsync(successor.SchoolId))!.School.Status);
    }

    [Fact]
    public async Task HandleAsync_MergedSchoolWithPartnership_RefusesMerge()
    {
        var school = await _host.AddSchoolAsync(100005);
        var target = await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var partnership = await _host.Get<CreatePartnershipHandler>().HandleAsync(new CreatePartnershipCommand(
            provider.Id, "2025", school.SchoolId, partner.Id.ToString(), new PartnershipChangeContext(_host.Clock.GetUtcNow(), ActorTypes.LeadProviderApi, null, "c")));
        Assert.True(partnership.IsSuccess, partnership.Error?.Detail);
        await CloseAsync(school.SchoolId);
        var links = await LinksFileAsync("100005,100001,\"School 100001\",\"Successor - merged\",\"01/09/2024\"");

        var result = await Handler().HandleAsync(new ApplyGiasLinksCommand(links, "run-1", _host.Clock.GetUtcNow()));

        Assert.Equal((0, 1), (result.Merged, result.Refused));
        Assert.Equal(
            "School 100005 already has registrations or partnerships; link 'Successor - merged' into URN 100001 needs review",
            Assert.Single(result.Rejected).Reason);
        var kept = (await Schools().ReadAsync(school.SchoolId))!.School;
        Assert.Equal((SchoolStatus.Closed, null), (kept.Status, kept.MergedIntoSchoolId));
        Assert.Equal(target.SchoolId, kept.Timeline[^1].OtherSchoolId);
    }

    [Fact]
    public async Task HasRegistrationsOrPartnershipsAsync_AfterRegistration_IsTrueOnlyForThatSchool()
    {
        var registered = await _host.AddSchoolAsync(100001);
        var other = await _host.AddSchoolAsync(100002);

        await RegisterEctAsync("1234567", "100001");

        Assert.True(await Schools().HasRegistrationsOrPartnershipsAsync(registered.SchoolId));
        Assert.False(await Schools().HasRegistrationsOrPartnershipsAsync(other.SchoolId));
    }

    private ApplyGiasLinksHandler Handler() =>
        new(new LocalFileStore(_files), Schools(), Options.Create(new GiasImportOptions()));

    private SchoolDocuments Schools() => _host.Get<SchoolDocuments>();

    private async Task<string> LinksFileAsync(params string[] rows)
    {
        const string Name = "gias/2025-10-15/links-test.csv";
        using var content = new MemoryStream(Encoding.Latin1.GetBytes(LinksHeader + string.Concat(rows.Select(r => r + "\r\n"))));
        await new LocalFileStore(_files).SaveAsync(Name, content);
        return Name;
    }

    private async Task RegisterEctAsync(string trn, string urn, bool addSchool = false)
    {
        if (addSchool)
        {
            await _host.AddSchoolAsync(int.Parse(urn, System.Globalization.CultureInfo.InvariantCulture));
        }

        var (provider, partner) = _host.ProviderWithPartner(2025);
        var result = await _host.Get<RegisterParticipantHandler>().HandleAsync(new RegisterParticipantCommand(
            new Ecf.Domain.Registrations.RegistrationRequest(ParticipationTypes.Ect, trn, "Ada Lovelace", "1990-01-31", "ada@example.org", urn, "2025-09-01", TrainingProgrammes.ProviderLed,
            provider.Id.ToString(), partner.Id.ToString(), null), new Actor(ActorTypes.SchoolService, "t"), "corr"));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    private async Task CloseAsync(string schoolId)
    {
        var stored = (await Schools().ReadAsync(schoolId))!;
        var closed = stored.School.Gias with { StatusCode = "2", CloseDate = new DateOnly(2025, 8, 31) };
        var decision = SchoolDecider.ApplyFacts(stored.School, closed, new SchoolChangeContext(_host.Clock.GetUtcNow(), "test", "close"));
        Assert.Empty(await Schools().WriteAsync([(decision.School!, stored.ETag)]));
    }
}
