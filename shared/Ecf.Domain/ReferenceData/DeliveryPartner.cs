namespace Ecf.Domain.ReferenceData;

/// <summary>An organisation (often a teaching school hub) that delivers ECF training on behalf of lead providers.</summary>
public sealed record DeliveryPartner(Guid Id, string Name);
