using Ecf.Domain.People;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Writes what each lead provider may see of a person into the <c>provider-views</c> container (ADR 0007):
/// one participant view per provider that can see the person, transfer views for the providers on either side of a
/// transfer, unfunded-mentor views, and hides the views of providers that no longer see the person.
/// Call it right after committing a person document (read-your-writes); the change-feed projector calls it again later,
/// so it is idempotent and ordered by the person's version (<see cref="Person.TimelineSequence"/>): a view is never
/// overwritten by an older person, and a provider's <c>updated_at</c> moves only when what that provider sees changes.
/// </summary>
public interface IProviderViewWriter
{
    /// <param name="before">The person as it was before the change (null for a new person, or when unknown, as in the projector).</param>
    /// <param name="after">The person as committed.</param>
    Task WriteAsync(Person? before, Person after, CancellationToken cancellationToken = default);
}
