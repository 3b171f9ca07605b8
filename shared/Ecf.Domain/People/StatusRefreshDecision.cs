namespace Ecf.Domain.People;

/// <summary>What the daily refresh decided for one person: the events to append and the person after them, or why it cannot.</summary>
/// <param name="Person">The person after <paramref name="Events"/> (the input when nothing changed or on a rejection).</param>
/// <param name="Rejection">Set when the result would break <see cref="PersonInvariants"/>; nothing is written.</param>
public sealed record StatusRefreshDecision(Person Person, IReadOnlyList<PersonEvent> Events, string? Rejection = null)
{
    public bool Changed => Events.Count > 0;
}
