namespace Ecf.Domain.People;

/// <summary>An email address of a person, where it came from, and when it was in use. One of a person's emails is <see cref="Current"/>.</summary>
/// <param name="Source">Who gave it, e.g. <see cref="EmailSources.SchoolRegistration"/>.</param>
/// <param name="To">When it stopped being the contact address; null while current.</param>
public sealed record PersonEmail(string Address, string Source, DateTimeOffset From, DateTimeOffset? To, bool Current);
