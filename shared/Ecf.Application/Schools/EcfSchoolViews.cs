using System.Globalization;

namespace Ecf.Application.Schools;

/// <summary>
/// The one place that turns a school into its ECF v3 view for a cohort. Partnership fields are fixed until partnerships exist
/// (issue 5 extends this method): <c>in_partnership = false</c>, <c>induction_programme_choice = not_yet_known</c>.
/// </summary>
public static class EcfSchoolViews
{
    public const string NotYetKnown = "not_yet_known";

    public static EcfSchoolView For(SchoolListing listing, int cohort)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return new EcfSchoolView(
            listing.Id,
            listing.Name,
            listing.Urn.ToString(CultureInfo.InvariantCulture),
            cohort.ToString(CultureInfo.InvariantCulture),
            InPartnership: false,
            InductionProgrammeChoice: NotYetKnown,
            listing.CreatedAt,
            listing.UpdatedAt);
    }
}
