using System.Text;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.Schools;
using Ecf.Storage;
using Ecf.TestKit;

namespace Ecf.Application.Tests.Schools;

/// <summary>The yearly pupil premium and sparsity file, imported on the real embedded store.</summary>
public sealed class SchoolUpliftsImportTests : IAsyncLifetime
{
    private StoreHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.PeopleAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HandleAsync_RealLayout_StoresEachKnownSchoolsFlagsAndReportsTheRest()
    {
        var a = await _host.AddSchoolAsync(100001);
        var b = await _host.AddSchoolAsync(100002);
        const string file = "URN,Pupil Premium Incentive,Sparsity Incentive\r\n100001,1,0\r\n100002,0,1\r\n100003,1,1\r\nabc,1,1\r\n100002,1,1\r\n100004,yes,0\r\n";

        var result = await Import(2024, file);

        Assert.True(result.IsSuccess);
        Assert.Equal((6, 2, 0, 1), (result.Value.Rows, result.Value.Written, result.Value.Unchanged, result.Value.UnknownUrns));
        Assert.Equal([(5, "abc"), (6, "100002"), (7, "100004")], result.Value.Rejected.Select(r => (r.Row, r.Urn)));
        Assert.Contains("first seen at row 3", result.Value.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal((true, false), await Flags(a.SchoolId, 2024));
        Assert.Equal((false, true), await Flags(b.SchoolId, 2024));
    }

    [Fact]
    public async Task HandleAsync_SameFileTwiceThenAChange_SecondWritesNothingThirdWritesTheChange()
    {
        var a = await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        const string file = "URN,Pupil Premium Incentive,Sparsity Incentive\n100001,1,0\n100002,0,0\n";

        await Import(2024, file);
        var again = await Import(2024, file);
        var changed = await Import(2024, file.Replace("100001,1,0", "100001,0,0", StringComparison.Ordinal));

        Assert.Equal((0, 2), (again.Value.Written, again.Value.Unchanged));
        Assert.Equal((1, 1), (changed.Value.Written, changed.Value.Unchanged));
        Assert.Equal((false, false), await Flags(a.SchoolId, 2024));
    }

    [Fact]
    public async Task HandleAsync_MissingColumns_FailsNamingThemAndWritesNothing()
    {
        var a = await _host.AddSchoolAsync(100001);

        var result = await Import(2024, "URN,Pupil Premium\n100001,1\n");

        Assert.Equal("ecf.3342", result.Error!.Code);
        Assert.Contains("Pupil Premium Incentive, Sparsity Incentive", result.Error.Detail, StringComparison.Ordinal);
        Assert.Null(await _host.Store.GetContainer(EcfContainers.Schools).ReadAsync<SchoolUplifts>(a.SchoolId, SchoolUplifts.DocumentId(2024)));
    }

    [Fact]
    public async Task HandleAsync_UnknownCohort_Refused()
    {
        var result = await Import(1999, "URN,Pupil Premium Incentive,Sparsity Incentive\n");

        Assert.Equal("ecf.3340", result.Error!.Code);
    }

    [Fact]
    public async Task HandleAsync_EmptyFile_Refused()
    {
        var result = await Import(2024, "");

        Assert.Equal("ecf.3341", result.Error!.Code);
    }

    private async Task<Ecf.Application.Errors.Result<SchoolUpliftsImport>> Import(int year, string csv)
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(csv));
        return await _host.Get<ImportSchoolUpliftsHandler>().HandleAsync(year, stream);
    }

    private async Task<(bool PupilPremium, bool Sparsity)> Flags(string schoolId, int year)
    {
        var stored = await _host.Store.GetContainer(EcfContainers.Schools).ReadAsync<SchoolUplifts>(schoolId, SchoolUplifts.DocumentId(year));
        return (stored!.PupilPremium, stored.Sparsity);
    }
}
