namespace Ecf.Domain.Schools;

/// <summary>
/// Pure rules for the GIAS links of a closed school (docs/domain.md#gias-links, ADR 0005):
/// <list type="bullet">
/// <item>exactly one open successor through <c>Successor</c>: academisation; the closed school keeps its id and gains the successor's URN;
/// the successor's record (created from its own GIAS row) becomes a pointer to the school that continues;</item>
/// <item><c>Successor - merged</c> / <c>Successor - amalgamated</c> to exactly one open successor: merged into it;</item>
/// <item>anything else: nothing (a closure with no successor stays closed, as the facts already said).</item>
/// </list>
/// Re-running on the result decides <see cref="SchoolLinkOutcome.AlreadyApplied"/>, and a half-applied academisation (predecessor
/// written, successor not) is completed. A decision that would retire a school with registrations or partnerships
/// (<see cref="SchoolLinkDecision.RetiredSchoolId"/>) is turned into a refusal by <see cref="Refuse"/>.
/// </summary>
public static class SchoolLinkDecider
{
    /// <param name="predecessor">The school whose URN the links start from.</param>
    /// <param name="successorLinks">Its successor-type links (all of them: several mean the case is ambiguous).</param>
    /// <param name="successor">The school that holds the single link's target URN (following pointers), or null if not imported.</param>
    public static SchoolLinkDecision Decide(School predecessor, IReadOnlyList<GiasLink> successorLinks, School? successor, SchoolChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        ArgumentNullException.ThrowIfNull(successorLinks);
        ArgumentNullException.ThrowIfNull(context);

        var links = successorLinks.Where(l => l.IsSuccessorType).ToList();
        if (links.Count == 0)
        {
            return SchoolLinkDecision.NotApplicable("No successor link.");
        }

        if (links.Select(l => l.LinkUrn).Distinct().Count() > 1)
        {
            return SchoolLinkDecision.NotApplicable("More than one successor.");
        }

        var link = links[0];
        if (successor is null)
        {
            return SchoolLinkDecision.NotApplicable($"Successor {link.LinkUrn} is not a known school.");
        }

        if (link.IsSimpleSuccessor)
        {
            return DecideAcademisation(predecessor, link, successor, context);
        }

        if (link.IsMerge)
        {
            return DecideMerge(predecessor, link, successor, context);
        }

        return SchoolLinkDecision.NotApplicable($"Link type '{link.LinkType}' is not handled.");
    }

    /// <summary>
    /// Refuses an academisation or merge <paramref name="decision"/> because the school it would retire already has registrations
    /// or partnerships: both schools stay as they are, and the predecessor's timeline gets a <see cref="SchoolEventTypes.LinkRefused"/>
    /// event, unless an earlier run recorded the same refusal (then nothing is written).
    /// </summary>
    /// <param name="predecessor">The predecessor as stored (not the decision's changed copy).</param>
    /// <param name="successor">The successor as stored.</param>
    public static SchoolLinkDecision Refuse(School predecessor, School successor, SchoolLinkDecision decision, SchoolChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        ArgumentNullException.ThrowIfNull(successor);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(context);
        var link = decision.Link ?? throw new ArgumentException("Only an academisation or merge decision can be refused.", nameof(decision));
        var type = link.LinkType.Trim();
        var reason = decision.Outcome == SchoolLinkOutcome.Academised
            ? FormattableString.Invariant($"Successor school {successor.Urn} already has registrations or partnerships; link '{type}' from URN {predecessor.Urn} needs review")
            : FormattableString.Invariant($"School {predecessor.Urn} already has registrations or partnerships; link '{type}' into URN {successor.Urn} needs review");
        if (predecessor.Timeline.Any(e => e.Type == SchoolEventTypes.LinkRefused && string.Equals(e.Reason, reason, StringComparison.Ordinal)))
        {
            return new SchoolLinkDecision(SchoolLinkOutcome.Refused, null, null, reason, link);
        }

        var refused = predecessor with
        {
            UpdatedAt = context.At,
            Timeline =
            [
                .. predecessor.Timeline,
                SchoolDecider.Event(context, predecessor.Timeline.Count, SchoolEventTypes.LinkRefused, urn: predecessor.Urn, reason: reason, otherSchoolId: successor.SchoolId),
            ],
        };
        return new SchoolLinkDecision(SchoolLinkOutcome.Refused, refused, null, reason, link);
    }

    private static SchoolLinkDecision DecideAcademisation(School predecessor, GiasLink link, School successor, SchoolChangeContext context)
    {
        // Already applied, or half-applied: the predecessor already has the successor's URN.
        if (predecessor.Urn == link.LinkUrn && predecessor.HasHadUrn(link.Urn))
        {
            if (successor.SchoolId == predecessor.SchoolId)
            {
                return new SchoolLinkDecision(SchoolLinkOutcome.AlreadyApplied, null, null);
            }

            return successor.Status == SchoolStatus.Superseded && successor.SupersededBySchoolId == predecessor.SchoolId
                ? new SchoolLinkDecision(SchoolLinkOutcome.AlreadyApplied, null, null)
                : new SchoolLinkDecision(SchoolLinkOutcome.Academised, null, Supersede(successor, predecessor, context));
        }

        if (predecessor.Urn != link.Urn || predecessor.Status != SchoolStatus.Closed)
        {
            return SchoolLinkDecision.NotApplicable("The predecessor is not closed under this URN.");
        }

        if (successor.SchoolId == predecessor.SchoolId || successor.Status != SchoolStatus.Active || !successor.Eligibility.Open)
        {
            return SchoolLinkDecision.NotApplicable($"Successor {link.LinkUrn} is not open.");
        }

        if (successor.Urns.Count > 1)
        {
            // The successor already continues another school: treat as a merge would lose that history; leave for a person.
            return SchoolLinkDecision.NotApplicable($"Successor {link.LinkUrn} already continues another school.");
        }

        var from = link.EstablishedOn ?? successor.Gias.OpenDate ?? predecessor.Gias.CloseDate;
        var urns = predecessor.Urns.ToList();
        urns[^1] = urns[^1] with { To = urns[^1].To ?? predecessor.Gias.CloseDate ?? from };
        urns.Add(new UrnPeriod(successor.Urn, from, null, UrnReasons.Successor));
        var sequence = predecessor.Timeline.Count;
        var continued = predecessor with
        {
            Urn = successor.Urn,
            Urns = urns,
            Gias = successor.Gias,
            GiasHash = successor.GiasHash,
            Eligibility = successor.Eligibility,
            Status = SchoolStatus.Active,
            UpdatedAt = context.At,
            Timeline =
            [
                .. predecessor.Timeline,
                SchoolDecider.Event(context, sequence, SchoolEventTypes.UrnChanged, urn: successor.Urn,
                    reason: $"Academisation: URN {predecessor.Urn} closed, continues as URN {successor.Urn}",
                    changes: new Dictionary<string, string?>(StringComparer.Ordinal) { ["urn"] = successor.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = successor.Gias.Name },
                    otherSchoolId: successor.SchoolId),
            ],
        };
        return new SchoolLinkDecision(SchoolLinkOutcome.Academised, continued, Supersede(successor, continued, context), Link: link);
    }

    private static School Supersede(School successor, School continuing, SchoolChangeContext context) =>
        successor with
        {
            Status = SchoolStatus.Superseded,
            SupersededBySchoolId = continuing.SchoolId,
            UpdatedAt = context.At,
            Timeline =
            [
                .. successor.Timeline,
                SchoolDecider.Event(context, successor.Timeline.Count, SchoolEventTypes.Superseded, urn: successor.Urn,
                    reason: $"URN {successor.Urn} continues school {continuing.SchoolId}", otherSchoolId: continuing.SchoolId),
            ],
        };

    private static SchoolLinkDecision DecideMerge(School predecessor, GiasLink link, School successor, SchoolChangeContext context)
    {
        if (predecessor.Status == SchoolStatus.Merged && predecessor.MergedIntoSchoolId == successor.SchoolId)
        {
            return new SchoolLinkDecision(SchoolLinkOutcome.AlreadyApplied, null, null);
        }

        if (predecessor.Urn != link.Urn || predecessor.Status != SchoolStatus.Closed)
        {
            return SchoolLinkDecision.NotApplicable("The predecessor is not closed under this URN.");
        }

        if (successor.SchoolId == predecessor.SchoolId || successor.Status != SchoolStatus.Active || !successor.Eligibility.Open)
        {
            return SchoolLinkDecision.NotApplicable($"Successor {link.LinkUrn} is not open.");
        }

        var merged = predecessor with
        {
            Status = SchoolStatus.Merged,
            MergedIntoSchoolId = successor.SchoolId,
            UpdatedAt = context.At,
            Timeline =
            [
                .. predecessor.Timeline,
                SchoolDecider.Event(context, predecessor.Timeline.Count, SchoolEventTypes.Merged, urn: predecessor.Urn,
                    reason: $"{link.LinkType.Trim()} into URN {successor.Urn}", otherSchoolId: successor.SchoolId),
            ],
        };
        return new SchoolLinkDecision(SchoolLinkOutcome.Merged, merged, null, Link: link);
    }
}
