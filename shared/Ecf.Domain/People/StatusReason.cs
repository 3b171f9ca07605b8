namespace Ecf.Domain.People;

/// <summary>Why and when a training status changed (v3 <c>withdrawal</c> / <c>deferral</c> objects).</summary>
public sealed record StatusReason(string Reason, DateTimeOffset Date);
