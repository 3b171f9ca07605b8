namespace Ecf.Application.Schools;

/// <summary>
/// Says that people have been registered at a school: document <see cref="DocumentId"/> in the school's partition of the
/// <c>schools</c> container, written (create-once) by a registration before the person is written, and never deleted. People
/// point at schools from their own partitions, so without it "does this school have registrations?" would be a cross-partition
/// query. The GIAS import reads it before retiring a school record at academisation or merge (ADR 0005).
/// </summary>
public sealed record SchoolRegistrationMarker
{
    public const string DocumentId = "registrations";
    public const string DocumentKind = "school-registrations";

    public string Id { get; init; } = DocumentId;

    public required string SchoolId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    /// <summary>When the first registration at this school was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
