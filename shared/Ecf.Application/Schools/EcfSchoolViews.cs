using System.Globalization;
using Ecf.Domain.Partnerships;

namespace Ecf.Application.Schools;

/// <summary>
/// The one place that turns a school into its ECF v3 view for a cohort. <c>in_partnership</c> is true when the school has an
/// active (unchallenged) partnership for the cohort. <c>induction_programme_choice</c> is the school's choice for the year when it
/// has set the year up, else <c>provider_led</c> while in partnership, else <c>not_yet_known</c>.
/// </summary>
public static class EcfSchoolViews
{
    public static EcfSchoolView For(SchoolListing listing, int cohort, Domain.Partnerships.SchoolPartnerships? partnerships = null)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var inPartnership = partnerships?.Default is not null;
        return new EcfSchoolView(
            listing.Id,
            listing.Name,
            listing.Urn.ToString(CultureInfo.InvariantCulture),
            cohort.ToString(CultureInfo.InvariantCulture),
            InPartnership: inPartnership,
            InductionProgrammeChoice: partnerships?.InductionProgrammeChoice ?? InductionProgrammeChoices.NotYetKnown,
            listing.CreatedAt,
            listing.UpdatedAt);
    }
}
