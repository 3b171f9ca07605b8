namespace Ecf.Domain.Schools;

/// <summary>An establishment's address as GIAS publishes it.</summary>
public sealed record SchoolAddress(string? Street, string? Locality, string? Address3, string? Town, string? County, string? Postcode);
