using Ecf.Application.Schools;
using Ecf.Domain.Schools;
using Ecf.Functions.Cli;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Ecf.Functions.Tests.Schools;

public sealed class UpliftsCliTests(EcfAppFactory factory) : IClassFixture<EcfAppFactory>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"uplifts-{Guid.NewGuid():N}.csv");

    [Fact]
    public async Task UpliftsImport_RealLayout_WritesTheKnownSchoolAndReportsTheRest()
    {
        await AddSchoolAsync(990101);
        await File.WriteAllTextAsync(_file, "URN,Pupil Premium Incentive,Sparsity Incentive\n990101,1,1\n990199,0,1\nx,1,1\n");

        var (exit, stdout, stderr) = await RunAsync("uplifts", "import", "--year", "2024", "--file", _file);

        Assert.True(exit == 0, stderr);
        Assert.Contains("3 rows read, 1 schools written, 0 unchanged, 1 URNs not in the register, 1 rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("row 4 (URN x)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpliftsImport_MissingColumns_Exit1NamingThem()
    {
        await File.WriteAllTextAsync(_file, "URN,Sparsity Incentive\n990101,1\n");

        var (exit, _, stderr) = await RunAsync("uplifts", "import", "--year", "2024", "--file", _file);

        Assert.Equal(1, exit);
        Assert.Contains("missing required columns: Pupil Premium Incentive", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);

    private async Task AddSchoolAsync(int urn)
    {
        using var _ = factory.CreateClient();
        var facts = new GiasFacts { Urn = urn, Name = $"School {urn}", TypeCode = "1", StatusCode = "1", DistrictAdministrativeCode = "E09000001" };
        var school = SchoolDecider.ApplyFacts(null, facts, new SchoolChangeContext(DateTimeOffset.UtcNow, "test", "test")).School!;
        await factory.Services.GetRequiredService<SchoolDocuments>().WriteAsync([(school, null)]);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EcfCommandLine.RunAsync(args, new CommandLineContext(stdout, stderr, builder => builder.Configuration.AddInMemoryCollection(factory.Settings)));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
