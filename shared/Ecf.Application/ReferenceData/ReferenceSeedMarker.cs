namespace Ecf.Application.ReferenceData;

/// <summary>The marker document (<c>kind: "seed"</c>) saying which seed version the <c>reference</c> container holds.</summary>
public sealed record ReferenceSeedMarker(string Id, string Kind, string Version, int Documents, DateTimeOffset SeededAt);
