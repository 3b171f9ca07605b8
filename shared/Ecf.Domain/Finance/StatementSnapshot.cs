using System.Security.Cryptography;
using System.Text;

namespace Ecf.Domain.Finance;

/// <summary>One count a statement was calculated from or came to.</summary>
/// <param name="Scope"><c>ecf</c>, <c>mentor</c> or an NPQ course identifier.</param>
/// <param name="Band">A band letter, or empty when the count is not per band.</param>
/// <param name="State">
/// <c>previous_billable</c>, <c>previous_refundable</c>, <c>billable</c>, <c>refundable</c> (lines); <c>previous</c>,
/// <c>additions</c>, <c>subtractions</c> (banding); <c>uplift_billable</c>, <c>uplift_refundable</c>;
/// <c>tdf_billable</c>, <c>tdf_refundable</c>.
/// </param>
public sealed record SnapshotCount(string Scope, string DeclarationType, string Band, string State, int Count);

/// <summary>
/// A statement calculation frozen: what it was calculated from (contract versions, counts, adjustments, reconcile amount)
/// and what it came to. <see cref="ToCanonicalJson"/> is deterministic, so the same inputs always give the same
/// <see cref="Hash"/> (docs/domain.md#statement-calculations).
/// </summary>
public sealed record StatementSnapshot(
    IReadOnlyDictionary<string, string> ContractVersions,
    IReadOnlyList<SnapshotCount> Counts,
    IReadOnlyList<StatementAdjustment> Adjustments,
    decimal ReconcileAmount,
    IReadOnlyDictionary<string, object> Outputs)
{
    public string ToCanonicalJson() => CanonicalJson.Serialize(this);

    /// <summary>The SHA-256 of the canonical JSON (UTF-8), lower-case hex.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));

    /// <summary>An ECF statement: the banded calculation and, from 2025, the mentor one.</summary>
    public static StatementSnapshot ForEcf(EcfStatementResult ecf, MentorStatementResult? mentor = null)
    {
        ArgumentNullException.ThrowIfNull(ecf);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal) { ["ecf"] = ecf.ContractVersion };
        var outputs = new Dictionary<string, object>(StringComparer.Ordinal) { ["ecf"] = ecf };
        var counts = new List<SnapshotCount>();
        foreach (var type in ecf.DeclarationTypes)
        {
            counts.Add(new("ecf", type.DeclarationType, "", "previous_billable", type.Previous.Billable));
            counts.Add(new("ecf", type.DeclarationType, "", "previous_refundable", type.Previous.Refundable));
            counts.Add(new("ecf", type.DeclarationType, "", "billable", type.Billable));
            counts.Add(new("ecf", type.DeclarationType, "", "refundable", type.Refundable));
            foreach (var band in type.Bands)
            {
                counts.Add(new("ecf", type.DeclarationType, band.Band, "previous", band.PreviousCount));
                counts.Add(new("ecf", type.DeclarationType, band.Band, "additions", band.Additions));
                counts.Add(new("ecf", type.DeclarationType, band.Band, "subtractions", band.Subtractions));
            }
        }

        counts.Add(new("ecf", ReferenceData.DeclarationType.Started, "", "uplift_billable", ecf.UpliftAdditions));
        counts.Add(new("ecf", ReferenceData.DeclarationType.Started, "", "uplift_refundable", ecf.UpliftSubtractions));
        if (mentor is not null)
        {
            versions["mentor"] = mentor.ContractVersion;
            outputs["mentor"] = mentor;
            foreach (var type in mentor.DeclarationTypes)
            {
                counts.Add(new("mentor", type.DeclarationType, "", "billable", type.Additions));
                counts.Add(new("mentor", type.DeclarationType, "", "refundable", type.Subtractions));
            }
        }

        return new StatementSnapshot(versions, counts, ecf.Adjustments, ecf.ReconcileAmount, outputs);
    }

    /// <summary>An NPQ statement: every course contract, special ones included.</summary>
    public static StatementSnapshot ForNpq(NpqStatementResult npq)
    {
        ArgumentNullException.ThrowIfNull(npq);
        var courses = npq.Courses.Concat(npq.SpecialCourses).ToList();
        var counts = new List<SnapshotCount>();
        foreach (var c in courses)
        {
            counts.Add(new(c.CourseIdentifier, ReferenceData.DeclarationType.Started, "", "billable", c.Started));
            counts.Add(new(c.CourseIdentifier, "retained", "", "billable", c.Retained));
            counts.Add(new(c.CourseIdentifier, ReferenceData.DeclarationType.Completed, "", "billable", c.Completed));
            counts.Add(new(c.CourseIdentifier, "", "", "refundable", c.Refundable));
            counts.Add(new(c.CourseIdentifier, ReferenceData.DeclarationType.Started, "", "tdf_billable", c.TargetedDeliveryFundingCount));
            counts.Add(new(c.CourseIdentifier, ReferenceData.DeclarationType.Started, "", "tdf_refundable", c.TargetedDeliveryFundingRefundableCount));
        }

        return new StatementSnapshot(
            courses.ToDictionary(c => c.CourseIdentifier, c => c.ContractVersion, StringComparer.Ordinal),
            counts,
            npq.Adjustments,
            npq.ReconcileAmount,
            new Dictionary<string, object>(StringComparer.Ordinal) { ["npq"] = npq });
    }
}
