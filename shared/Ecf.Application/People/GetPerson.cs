using Ecf.Application.Errors;
using Ecf.Domain.People;

namespace Ecf.Application.People;

/// <summary><c>GET /api/people/{personId}</c> (admin): the whole person document.</summary>
public sealed class GetPersonHandler(PersonDocuments people)
{
    public async Task<Result<Person>> HandleAsync(string personId, CancellationToken cancellationToken = default) =>
        Guid.TryParse(personId, out _) && await people.ReadAsync(personId, cancellationToken).ConfigureAwait(false) is { } stored
            ? stored.Person
            : ApiError.NotFound();
}
