namespace Ecf.Functions.Features.Health;

public sealed record HealthReport(string Status, StoreHealth Store, ReferenceDataHealth ReferenceData, string Version, DateTimeOffset Time);

public sealed record StoreHealth(string Kind, bool Reachable);

public sealed record ReferenceDataHealth(bool Loaded);
