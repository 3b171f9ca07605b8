namespace Ecf.Application.People;

/// <summary>
/// The uniqueness reservation of a TRN: document <c>trn:&lt;trn&gt;</c> in the <c>identifiers</c> container (partition key
/// <c>/id</c>), created once and never replaced. Whoever creates it owns the TRN; a 409 means someone else got there first and
/// the loser uses the winner's <see cref="PersonId"/>.
/// </summary>
public sealed record TrnReservation
{
    public const string DocumentKind = "trn-reservation";

    public required string Id { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required string PersonId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static string DocumentId(string trn) => "trn:" + trn;
}
