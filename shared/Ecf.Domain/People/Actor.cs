namespace Ecf.Domain.People;

/// <summary>Who made a change: a kind (<see cref="ActorTypes"/>) and its id (token id, lead provider id, orchestration), when known.</summary>
public sealed record Actor(string Type, string? Id);
