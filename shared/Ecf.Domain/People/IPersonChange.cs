namespace Ecf.Domain.People;

/// <summary>A decided change to a person: the timeline events to append and the person after them, or refused (nothing to write).</summary>
public interface IPersonChange
{
    IReadOnlyList<PersonEvent> Events { get; }

    /// <summary>The person after <see cref="Events"/>; null when refused.</summary>
    Person? Person { get; }

    bool Refused { get; }
}
