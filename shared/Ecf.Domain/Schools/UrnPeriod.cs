namespace Ecf.Domain.Schools;

/// <summary>One URN a school has had: from when, until when (null while current), and why it started.</summary>
/// <param name="Reason">
/// <see cref="UrnReasons.Opened"/> for the URN a school was first seen with, <see cref="UrnReasons.Successor"/> when it gained a
/// successor's URN (academisation).
/// </param>
public sealed record UrnPeriod(int Urn, DateOnly? From, DateOnly? To, string Reason);
