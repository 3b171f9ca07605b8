using Ecf.Application.ReferenceData;

namespace Ecf.Application.Contracts;

/// <summary>
/// Local runs only (<c>Contracts:SeedIllustrative</c>): gives every ECF lead provider an ECF contract, and from 2025 a mentor
/// contract, for each contract year it has, as version 1 applying from the year's first statement month, where it has none yet.
/// The numbers are illustrative, not any provider's real contract (docs/domain.md#contracts).
/// </summary>
public sealed class ContractSeeder(ContractVersions versions, IReferenceData referenceData)
{
    public const string CreatedBy = "seed";
    public const string Reason = "Illustrative contract for local runs; not any provider's real contract.";

    /// <summary>Creates the missing versions; returns how many it created (0 when run again).</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var created = 0;
        foreach (var provider in reference.LeadProviders.Where(p => p.DeliversEcf))
        {
            foreach (var year in provider.EcfContractYears)
            {
                var first = reference.GetStatementCalendar(year).OrderBy(e => e.Year).ThenBy(e => e.Month).FirstOrDefault();
                if (first is null || reference.GetContractPeriod(year) is not { } period)
                {
                    continue;
                }

                var header = (Provider: provider.Id.ToString("D"), Year: year, AppliesFrom: ContractRules.Month(first.Year, first.Month));
                if (!await versions.AnyAsync(provider.Id, ContractKinds.Ecf, year, cancellationToken).ConfigureAwait(false))
                {
                    await versions.WriteAsync(Ecf(header, provider.Id), CreatedBy, cancellationToken).ConfigureAwait(false);
                    created++;
                }

                if (period.MentorFunding && !await versions.AnyAsync(provider.Id, ContractKinds.Mentor, year, cancellationToken).ConfigureAwait(false))
                {
                    await versions.WriteAsync(Mentor(header, provider.Id), CreatedBy, cancellationToken).ConfigureAwait(false);
                    created++;
                }
            }
        }

        return created;
    }

    /// <summary>A recruitment target from 2,000 to 4,500 that differs between providers and years but is the same on every run.</summary>
    private static int RecruitmentTarget(Guid provider, int year) => 2000 + (((provider.ToByteArray().Sum(b => b) % 26) + year) % 26 * 100);

    private static EcfContractVersion Ecf((string Provider, int Year, string AppliesFrom) header, Guid provider) => new()
    {
        LeadProviderId = header.Provider,
        ContractYear = header.Year,
        AppliesFrom = header.AppliesFrom,
        Reason = Reason,
        RecruitmentTarget = RecruitmentTarget(provider, header.Year),
        SetUpFee = 149_651m,
        UpliftTarget = 0.44m,
        UpliftAmount = 100m,
        Bands =
        [
            new("A", 0, 2000, 995m, ContractBand.DefaultOutputPaymentPercentage, ContractBand.DefaultServiceFeePercentage),
            new("B", 2001, 4000, 979m, ContractBand.DefaultOutputPaymentPercentage, ContractBand.DefaultServiceFeePercentage),
            new("C", 4001, null, 966m, ContractBand.DefaultOutputPaymentPercentage, ContractBand.DefaultServiceFeePercentage),
        ],
    };

    private static MentorContractVersion Mentor((string Provider, int Year, string AppliesFrom) header, Guid provider) => new()
    {
        LeadProviderId = header.Provider,
        ContractYear = header.Year,
        AppliesFrom = header.AppliesFrom,
        Reason = Reason,
        RecruitmentTarget = RecruitmentTarget(provider, header.Year) / 2,
        PaymentPerParticipant = MentorContractVersion.DefaultPaymentPerParticipant,
    };
}
