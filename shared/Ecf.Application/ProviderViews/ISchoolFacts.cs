namespace Ecf.Application.ProviderViews;

/// <summary>
/// What the projection needs of a school: its current URN (enrolments show it, following academisation, which keeps the school
/// id and gives a new URN). Implemented by the schools feature; without one, the URN recorded on each at-school period is shown.
/// </summary>
public interface ISchoolFacts
{
    /// <summary>The facts of the schools named, by school id; ids not found are left out.</summary>
    Task<IReadOnlyDictionary<string, SchoolFact>> GetAsync(IReadOnlyCollection<string> schoolIds, CancellationToken cancellationToken = default);
}

/// <param name="UpdatedAt">When the school record last changed (a URN change moves it).</param>
public sealed record SchoolFact(string SchoolId, int Urn, DateTimeOffset UpdatedAt);

/// <summary>The default: no school facts (at-school periods speak for themselves).</summary>
public sealed class NoSchoolFacts : ISchoolFacts
{
    public Task<IReadOnlyDictionary<string, SchoolFact>> GetAsync(IReadOnlyCollection<string> schoolIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, SchoolFact>>(new Dictionary<string, SchoolFact>());
}

/// <summary>
/// Remembers the facts another source gave, for the length of one projector run (re-projecting the many people of one school
/// reads the school once). Not for the request path: a fact cached across requests could be written after the repair ran.
/// </summary>
public sealed class RunSchoolFacts(ISchoolFacts inner) : ISchoolFacts
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SchoolFact?> _seen = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, SchoolFact>> GetAsync(IReadOnlyCollection<string> schoolIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schoolIds);
        var missing = schoolIds.Where(id => !_seen.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = await inner.GetAsync(missing, cancellationToken).ConfigureAwait(false);
            foreach (var id in missing)
            {
                _seen[id] = read.GetValueOrDefault(id);
            }
        }

        var result = new Dictionary<string, SchoolFact>(StringComparer.Ordinal);
        foreach (var id in schoolIds)
        {
            if (_seen.TryGetValue(id, out var fact) && fact is not null)
            {
                result[id] = fact;
            }
        }

        return result;
    }

    /// <summary>Records a school as just read from the change feed (newer than anything remembered).</summary>
    public void Observe(SchoolFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _seen[fact.SchoolId] = fact;
    }
}
