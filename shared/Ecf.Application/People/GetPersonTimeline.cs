using Ecf.Application.Errors;
using Ecf.Domain.People;

namespace Ecf.Application.People;

/// <summary><c>GET /api/people/{personId}/timeline</c> (admin): every event of the person, oldest first.</summary>
public sealed class GetPersonTimelineHandler(PersonDocuments people)
{
    public async Task<Result<IReadOnlyList<PersonEvent>>> HandleAsync(string personId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(personId, out _) || await people.ReadAsync(personId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiError.NotFound();
        }

        return Result<IReadOnlyList<PersonEvent>>.Success(await people.ReadTimelineAsync(personId, cancellationToken).ConfigureAwait(false));
    }
}
