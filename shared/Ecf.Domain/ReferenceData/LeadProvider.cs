namespace Ecf.Domain.ReferenceData;

/// <summary>A training organisation paid to deliver ECF and/or NPQ training. <see cref="Id"/> is stable across environments.</summary>
public sealed record LeadProvider(Guid Id, string Name, bool DeliversEcf, bool DeliversNpq)
{
    /// <summary>VAT is added to this provider's statements (RECT <c>vat_registered</c>).</summary>
    public bool VatChargeable { get; init; } = true;

    /// <summary>ECF contract years this provider is active in (RECT <c>active_lead_providers</c>), ascending.</summary>
    public IReadOnlyList<int> EcfContractYears { get; init; } = [];

    /// <summary>True when the provider has an ECF contract for <paramref name="contractYear"/>.</summary>
    public bool IsActiveForEcf(int contractYear) => DeliversEcf && EcfContractYears.Contains(contractYear);
}
