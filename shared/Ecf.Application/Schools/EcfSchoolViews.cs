using System.Globalization;

namespace Ecf.Application.Schools;

/// <summary>
/// The one place that turns a school into its ECF v3 view for a cohort. <c>in_partnership</c> is true when the school has an
/// active (unchallenged) partnership for the cohort, and then <c>induction_programme_choice</c> is <c>provider_led</c>;
/// otherwise <c>not_yet_known</c> (schools do not report school-led choices to this service yet).
/// </summary>
public static class EcfSchoolViews
{
    public const string NotYetKnown = "not_yet_known";
    public const string ProviderLed = "provider_led";

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
            InductionProgrammeChoice: inPartnership ? ProviderLed : NotYetKnown,
            listing.CreatedAt,
            listing.UpdatedAt);
    }
}
