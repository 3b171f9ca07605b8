namespace Ecf.Domain.Schools;

public static class SchoolEventTypes
{
    public const string Created = "school_created";
    public const string DetailsChanged = "school_details_changed";
    public const string EligibilityChanged = "school_eligibility_changed";
    public const string Opened = "school_opened";
    public const string Closed = "school_closed";
    public const string UrnChanged = "school_urn_changed";
    public const string Merged = "school_merged";
    public const string Superseded = "school_superseded";

    /// <summary>A successor link was not applied because it would retire a school that already has registrations or partnerships.</summary>
    public const string LinkRefused = "school_link_refused";
}
