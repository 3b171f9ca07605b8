using Ecf.Domain.Declarations;
using Ecf.Domain.People;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Which lead providers see a declaration (docs/domain.md#provider-views): the provider that made it, always; and the provider that
/// now trains the participation (<see cref="ParticipantProjection.VisibleTo"/>: its latest training period, through a partnership
/// that is not challenged) while the declaration holds its slot (submitted, eligible, payable or paid), as ECF's declarations query
/// shows a provider the declarations of the participants it now trains, including an earlier provider's.
/// </summary>
public static class DeclarationProjection
{
    /// <summary>Every declaration of the person, with the participation it is on.</summary>
    public static IEnumerable<(Participation Participation, Declaration Declaration)> All(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Participations.SelectMany(p => p.Declarations.Select(d => (p, d)));
    }

    /// <summary>The providers that see <paramref name="declaration"/> of <paramref name="participation"/>.</summary>
    public static IReadOnlySet<Guid> SeenBy(Participation participation, Declaration declaration, IReadOnlyDictionary<string, PartnershipFact> partnerships)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(declaration);
        var providers = new HashSet<Guid> { declaration.LeadProviderId };
        if (DeclarationStates.HoldsSlot(declaration.State) && ParticipantProjection.VisibleTo(participation, partnerships) is { } current)
        {
            providers.Add(current);
        }

        return providers;
    }

    /// <summary>
    /// What <paramref name="provider"/> sees of the person's declarations, for its participant view's content hash (id, state and last
    /// change of each, in id order), so the participant's <c>updated_at</c> moves when one of them changes, as in ECF; null when none.
    /// </summary>
    public static IReadOnlyList<string>? Stamp(Person person, Guid provider, IReadOnlyDictionary<string, PartnershipFact> partnerships)
    {
        var stamp = All(person)
            .Where(x => SeenBy(x.Participation, x.Declaration, partnerships).Contains(provider))
            .Select(x => string.Join(' ', x.Declaration.Id, x.Declaration.State, V3Json.SortableTime(x.Declaration.UpdatedAt)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return stamp.Count == 0 ? null : stamp;
    }
}
