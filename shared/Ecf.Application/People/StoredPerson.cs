using Ecf.Domain.People;

namespace Ecf.Application.People;

/// <summary>A person as read, with the ETag its next replace must match.</summary>
public sealed record StoredPerson(Person Person, string ETag);
