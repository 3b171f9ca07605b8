using System.Net;
using Ecf.Application.Contracts;
using Ecf.Application.ReferenceData;
using Ecf.Functions.Cli;
using Ecf.Functions.Features.Contracts;
using Ecf.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Ecf.Functions.Tests.Contracts;

/// <summary>The <c>contracts import</c> command against the app's store, and the illustrative contracts seeded on a local start.</summary>
public sealed class ContractsCliAndSeedTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"contracts-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task ContractsImport_ValidFile_CreatesTheVersionsInTheStore()
    {
        using var factory = new EcfAppFactory();
        await File.WriteAllTextAsync(_file, ContractsHttpTests.EcfCsvHeader + "\nAmbition Institute,2025,0.44,100,3200,,149651,,0,2000,995,2001,4000,979,4001,,966,,,\n");

        var (exit, stdout, stderr) = await RunAsync(factory, "contracts", "import", "--file", _file, "--applies-from", "2025-11", "--reason", "Signed contract");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Done: 1 contract versions created.", stdout, StringComparison.Ordinal);
        var ambition = (await AmbitionAsync(factory)).Id;
        var versions = await factory.Services.GetRequiredService<ContractVersions>().ListAsync(ambition, 2025, ContractKinds.Ecf);
        var version = Assert.IsType<EcfContractVersion>(Assert.Single(versions));
        Assert.Equal("2025-11", version.AppliesFrom);
        Assert.Equal("Signed contract", version.Reason);
        Assert.StartsWith("cli:", version.CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractsImport_BadRowOrMentorKind_Exit1NamingRowAndColumn_NothingWritten()
    {
        using var factory = new EcfAppFactory();
        await File.WriteAllTextAsync(_file, "lead-provider-name,cohort-start-year,recruitment-target,payment-per-participant\nAmbition Institute,2025,1600,1000\nAmbition Institute,2024,1600,10.001\n");

        var (exit, _, stderr) = await RunAsync(factory, "contracts", "import", "--file", _file, "--kind", "mentor", "--applies-from", "2025-11", "--reason", "Mentor contracts");

        Assert.Equal(1, exit);
        Assert.Contains("ecf.3806 Row 3, cohort-start-year:", stderr, StringComparison.Ordinal);
        Assert.Contains("ecf.3803 Row 3, payment-per-participant:", stderr, StringComparison.Ordinal);
        Assert.Empty(await factory.Services.GetRequiredService<ContractVersions>().ListAsync((await AmbitionAsync(factory)).Id, null, null));
    }

    [Fact]
    public async Task LocalSeed_OneEcfVersionPerProviderAndYear_MentorFrom2025_FromTheFirstStatement_Idempotent()
    {
        var directory = EcfAppFactory.CreateTempDirectory();
        try
        {
            int first;
            using (var factory = EcfAppFactory.InDirectory(directory))
            {
                factory.Settings["Contracts:SeedIllustrative"] = "true";
                using var finance = await factory.CreateClientWithTokenAsync("finance");
                var reference = await factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
                var expected = reference.LeadProviders.Where(p => p.DeliversEcf)
                    .Sum(p => p.EcfContractYears.Count + p.EcfContractYears.Count(y => reference.GetContractPeriod(y)!.MentorFunding));
                first = 0;
                foreach (var provider in reference.LeadProviders.Where(p => p.DeliversEcf))
                {
                    var body = await HttpAssert.JsonAsync(await finance.GetAsync($"{Routes.Contracts}?lead_provider={provider.Id}"), HttpStatusCode.OK);
                    var versions = body.GetProperty("data").EnumerateArray().ToList();
                    first += versions.Count;
                    Assert.All(versions, v => Assert.Equal(1, v.GetProperty("version").GetInt32()));
                    Assert.Equal(provider.EcfContractYears.Order(), versions.Where(v => v.GetProperty("contract_kind").GetString() == "ecf").Select(v => v.GetProperty("contract_year").GetInt32()).Order());
                    Assert.All(versions, v => Assert.Equal(
                        reference.GetStatementCalendar(v.GetProperty("contract_year").GetInt32()).Select(e => ContractRules.Month(e.Year, e.Month)).Min(StringComparer.Ordinal),
                        v.GetProperty("applies_from").GetString()));
                }

                Assert.Equal(expected, first);
                var ambition = reference.FindLeadProviderByName("Ambition Institute")!.Id;
                var inForce = await factory.Services.GetRequiredService<ContractVersions>().InForceAsync(ambition, 2025, "2026-01");
                Assert.Equal(["A", "B", "C"], inForce.Ecf!.Bands.Select(b => b.Letter));
                Assert.InRange(inForce.Ecf.RecruitmentTarget, 2000, 4500);
                Assert.Equal(1000m, inForce.Mentor!.PaymentPerParticipant);
                Assert.Equal(ContractSeeder.Reason, inForce.Ecf.Reason);
            }

            using (var again = EcfAppFactory.InDirectory(directory))
            {
                again.Settings["Contracts:SeedIllustrative"] = "true";
                using var _ = again.CreateClient();
                var reference = await again.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
                var versions = again.Services.GetRequiredService<ContractVersions>();
                var count = 0;
                foreach (var provider in reference.LeadProviders)
                {
                    count += (await versions.ListAsync(provider.Id, null, null)).Count;
                }

                Assert.Equal(first, count);
                Assert.Equal(0, await again.Services.GetRequiredService<ContractSeeder>().SeedAsync());
            }
        }
        finally
        {
            EcfAppFactory.DeleteDirectory(directory);
        }
    }

    private static async Task<Domain.ReferenceData.LeadProvider> AmbitionAsync(EcfAppFactory factory)
    {
        using var _ = factory.CreateClient();
        return (await factory.Services.GetRequiredService<IReferenceData>().FindLeadProviderByNameAsync("Ambition Institute"))!;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(EcfAppFactory factory, params string[] args)
    {
        using var _ = factory.CreateClient();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EcfCommandLine.RunAsync(args, new CommandLineContext(stdout, stderr, builder => builder.Configuration.AddInMemoryCollection(factory.Settings)));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
