namespace Ecf.Application.Gias;

/// <summary>The columns of the GIAS public full extract (edubasealldata) this service reads; all of them are required.</summary>
public static class GiasColumns
{
    public const string Urn = "URN";
    public const string LaCode = "LA (code)";
    public const string LaName = "LA (name)";
    public const string EstablishmentNumber = "EstablishmentNumber";
    public const string Name = "EstablishmentName";
    public const string TypeCode = "TypeOfEstablishment (code)";
    public const string TypeName = "TypeOfEstablishment (name)";
    public const string StatusCode = "EstablishmentStatus (code)";
    public const string StatusName = "EstablishmentStatus (name)";
    public const string OpenDate = "OpenDate";
    public const string CloseDate = "CloseDate";
    public const string PhaseCode = "PhaseOfEducation (code)";
    public const string PhaseName = "PhaseOfEducation (name)";
    public const string Ukprn = "UKPRN";
    public const string LastChangedDate = "LastChangedDate";
    public const string Street = "Street";
    public const string Locality = "Locality";
    public const string Address3 = "Address3";
    public const string Town = "Town";
    public const string County = "County (name)";
    public const string Postcode = "Postcode";
    public const string Website = "SchoolWebsite";
    public const string Section41Approved = "Section41Approved (name)";
    public const string DistrictAdministrativeCode = "DistrictAdministrative (code)";
    public const string DistrictAdministrativeName = "DistrictAdministrative (name)";

    public static IReadOnlyList<string> Required { get; } =
    [
        Urn, LaCode, LaName, EstablishmentNumber, Name, TypeCode, TypeName, StatusCode, StatusName, OpenDate, CloseDate,
        PhaseCode, PhaseName, Ukprn, LastChangedDate, Street, Locality, Address3, Town, County, Postcode, Website,
        Section41Approved, DistrictAdministrativeCode, DistrictAdministrativeName,
    ];

    /// <summary>Columns of the links file.</summary>
    public static IReadOnlyList<string> LinksRequired { get; } = ["URN", "LinkURN", "LinkName", "LinkType", "LinkEstablishedDate"];
}
