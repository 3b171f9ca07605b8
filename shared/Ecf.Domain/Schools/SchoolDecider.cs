using System.Globalization;

namespace Ecf.Domain.Schools;

/// <summary>
/// Pure rules for a school's GIAS facts: a new school, or the changes to an existing one, each change with its timeline events.
/// No I/O and no clock: time comes in <see cref="SchoolChangeContext"/>.
/// </summary>
public static class SchoolDecider
{
    /// <summary>
    /// Decides what a GIAS row means for <paramref name="current"/> (null: no school holds this URN yet).
    /// Unchanged when the stored <see cref="School.GiasHash"/> equals the row's hash, so a re-run writes nothing.
    /// </summary>
    public static GiasFactsDecision ApplyFacts(School? current, GiasFacts facts, SchoolChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var hash = facts.ContentHash();
        var eligibility = SchoolEligibility.From(facts);

        if (current is null)
        {
            var schoolId = SchoolIds.ForUrn(facts.Urn);
            var closed = GiasEstablishmentStatus.IsClosed(facts.StatusCode);
            var created = new School
            {
                Id = schoolId,
                SchoolId = schoolId,
                Urn = facts.Urn,
                Urns = [new UrnPeriod(facts.Urn, facts.OpenDate, closed ? facts.CloseDate : null, UrnReasons.Opened)],
                Gias = facts,
                GiasHash = hash,
                Eligibility = eligibility,
                Status = closed ? SchoolStatus.Closed : SchoolStatus.Active,
                CreatedAt = context.At,
                UpdatedAt = context.At,
                Timeline = [Event(context, 0, SchoolEventTypes.Created, urn: facts.Urn, reason: "Registered in GIAS")],
            };
            return new GiasFactsDecision(GiasFactsOutcome.Created, created);
        }

        if (current.Urn != facts.Urn)
        {
            return new GiasFactsDecision(GiasFactsOutcome.PastUrn, null);
        }

        if (string.Equals(current.GiasHash, hash, StringComparison.Ordinal))
        {
            return new GiasFactsDecision(GiasFactsOutcome.Unchanged, null);
        }

        var events = new List<SchoolEvent>();
        var next = current.Timeline.Count;
        var changes = Diff(current.Gias, facts);
        if (changes.Count > 0)
        {
            events.Add(Event(context, next++, SchoolEventTypes.DetailsChanged, changes: changes, urn: facts.Urn));
        }

        var wasClosed = GiasEstablishmentStatus.IsClosed(current.Gias.StatusCode);
        var isClosed = GiasEstablishmentStatus.IsClosed(facts.StatusCode);
        var status = current.Status;
        var urns = current.Urns;
        if (!wasClosed && isClosed && current.Status == SchoolStatus.Active)
        {
            events.Add(Event(context, next++, SchoolEventTypes.Closed, urn: facts.Urn, reason: facts.CloseDate is { } d ? $"Closed on {Iso(d)}" : "Closed"));
            status = SchoolStatus.Closed;
            urns = [.. urns.Take(urns.Count - 1), urns[^1] with { To = facts.CloseDate }];
        }
        else if (wasClosed && !isClosed && current.Status == SchoolStatus.Closed)
        {
            events.Add(Event(context, next++, SchoolEventTypes.Opened, urn: facts.Urn, reason: "Reopened in GIAS"));
            status = SchoolStatus.Active;
            urns = [.. urns.Take(urns.Count - 1), urns[^1] with { To = null }];
        }

        if (eligibility != current.Eligibility)
        {
            events.Add(Event(context, next, SchoolEventTypes.EligibilityChanged, urn: facts.Urn, changes: EligibilityChanges(current.Eligibility, eligibility)));
        }

        if (events.Count == 0)
        {
            // Only the hash's normalisation changed (e.g. whitespace): refresh the hash with a details event so the write is explained.
            events.Add(Event(context, next, SchoolEventTypes.DetailsChanged, urn: facts.Urn, reason: "GIAS record refreshed"));
        }

        var updated = current with
        {
            Gias = facts,
            GiasHash = hash,
            Eligibility = eligibility,
            Status = status,
            Urns = urns,
            UpdatedAt = context.At,
            Timeline = [.. current.Timeline, .. events],
        };
        return new GiasFactsDecision(GiasFactsOutcome.Updated, updated);
    }

    internal static SchoolEvent Event(SchoolChangeContext context, int sequence, string type, IReadOnlyDictionary<string, string?>? changes = null, int? urn = null, string? reason = null, string? otherSchoolId = null) =>
        new($"{context.CorrelationId}:{sequence.ToString(CultureInfo.InvariantCulture)}", type, context.At, context.Source, context.CorrelationId, reason, changes, urn, otherSchoolId);

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Diff(GiasFacts before, GiasFacts after)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal))
            {
                changes[field] = b;
            }
        }

        static string? D(DateOnly? d) => d is { } x ? Iso(x) : null;

        Compare("name", before.Name, after.Name);
        Compare("typeCode", before.TypeCode, after.TypeCode);
        Compare("statusCode", before.StatusCode, after.StatusCode);
        Compare("openDate", D(before.OpenDate), D(after.OpenDate));
        Compare("closeDate", D(before.CloseDate), D(after.CloseDate));
        Compare("phaseCode", before.PhaseCode, after.PhaseCode);
        Compare("laCode", before.LaCode, after.LaCode);
        Compare("laName", before.LaName, after.LaName);
        Compare("districtAdministrativeCode", before.DistrictAdministrativeCode, after.DistrictAdministrativeCode);
        Compare("ukprn", before.Ukprn, after.Ukprn);
        Compare("address", Address(before.Address), Address(after.Address));
        Compare("website", before.Website, after.Website);
        Compare("section41Approved", before.Section41Approved ? "true" : "false", after.Section41Approved ? "true" : "false");
        Compare("lastChangedDate", D(before.LastChangedDate), D(after.LastChangedDate));
        return changes;
    }

    private static string? Address(SchoolAddress? a) =>
        a is null ? null : string.Join(", ", new[] { a.Street, a.Locality, a.Address3, a.Town, a.County, a.Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static Dictionary<string, string?> EligibilityChanges(SchoolEligibility before, SchoolEligibility after)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        static string B(bool b) => b ? "true" : "false";
        if (before.Open != after.Open)
        {
            changes["open"] = B(after.Open);
        }

        if (before.InEngland != after.InEngland)
        {
            changes["inEngland"] = B(after.InEngland);
        }

        if (before.EligibleForFunding != after.EligibleForFunding)
        {
            changes["eligibleForFunding"] = B(after.EligibleForFunding);
        }

        if (before.CipOnly != after.CipOnly)
        {
            changes["cipOnly"] = B(after.CipOnly);
        }

        return changes;
    }
}
