namespace Ecf.Domain.Schools;

/// <summary>The school record's own state (not the GIAS status).</summary>
public enum SchoolStatus
{
    /// <summary>Follows its current URN's GIAS facts (open or closed is in <see cref="SchoolEligibility.Open"/>).</summary>
    Active,

    /// <summary>Closed with no successor.</summary>
    Closed,

    /// <summary>Merged or amalgamated into another school (<see cref="School.MergedIntoSchoolId"/>).</summary>
    Merged,

    /// <summary>Its URN was taken over by an earlier school at academisation; <see cref="School.SupersededBySchoolId"/> is the school that continues.</summary>
    Superseded,
}
