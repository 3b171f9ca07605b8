using Ecf.Domain.Schools;

namespace Ecf.Application.Schools;

/// <summary>A school as read, with the ETag a replace must match.</summary>
public sealed record StoredSchool(School School, string ETag);
