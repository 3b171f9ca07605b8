namespace Ecf.Domain.ReferenceData;

/// <summary>A training organisation paid to deliver ECF and/or NPQ training. <see cref="Id"/> is stable across environments.</summary>
public sealed record LeadProvider(Guid Id, string Name, bool DeliversEcf, bool DeliversNpq);
