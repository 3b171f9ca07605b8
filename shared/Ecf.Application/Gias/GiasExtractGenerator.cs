using System.Globalization;
using System.Text;

namespace Ecf.Application.Gias;

/// <summary>
/// Generates a GIAS public full extract in the real edubasealldata layout (all 139 columns, ISO-8859-1, CRLF) and a matching
/// links file, deterministic for a seed: for the benchmark (50,000 rows), the CI variant and the bundled local extract.
/// About 12 % of rows are closed; a third of those have a <c>Successor</c> link to the next (open) row, a sixth a
/// <c>Successor - merged</c> link; the mix of types includes ineligible, CIP-only, Welsh and section 41 independent schools.
/// </summary>
public static class GiasExtractGenerator
{
    /// <summary>The header of the public full extract, exactly as GIAS publishes it.</summary>
    public const string Header = ""
        + "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),"
        + "EstablishmentTypeGroup (code),EstablishmentTypeGroup (name),EstablishmentStatus (code),EstablishmentStatus (name),"
        + "ReasonEstablishmentOpened (code),ReasonEstablishmentOpened (name),OpenDate,ReasonEstablishmentClosed (code),"
        + "ReasonEstablishmentClosed (name),CloseDate,PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,"
        + "StatutoryHighAge,Boarders (code),Boarders (name),NurseryProvision (name),OfficialSixthForm (code),OfficialSixthForm (name),"
        + "Gender (code),Gender (name),ReligiousCharacter (code),ReligiousCharacter (name),ReligiousEthos (name),"
        + "Diocese (code),Diocese (name),AdmissionsPolicy (code),AdmissionsPolicy (name),SchoolCapacity,SpecialClasses (code),"
        + "SpecialClasses (name),CensusDate,NumberOfPupils,NumberOfBoys,NumberOfGirls,PercentageFSM,TrustSchoolFlag (code),"
        + "TrustSchoolFlag (name),Trusts (code),Trusts (name),SchoolSponsorFlag (name),SchoolSponsors (name),FederationFlag (name),"
        + "Federations (code),Federations (name),UKPRN,FEHEIdentifier,FurtherEducationType (name),OfstedLastInsp,"
        + "OfstedSpecialMeasures (code),OfstedSpecialMeasures (name),LastChangedDate,Street,Locality,Address3,Town,"
        + "County (name),Postcode,SchoolWebsite,TelephoneNum,HeadTitle (name),HeadFirstName,HeadLastName,HeadPreferredJobTitle,"
        + "BSOInspectorateName (name),InspectorateReport,DateOfLastInspectionVisit,NextInspectionVisit,TeenMoth (name),"
        + "TeenMothPlaces,CCF (name),SENPRU (name),EBD (name),PlacesPRU,FTProv (name),EdByOther (name),Section41Approved (name),"
        + "SEN1 (name),SEN2 (name),SEN3 (name),SEN4 (name),SEN5 (name),SEN6 (name),SEN7 (name),SEN8 (name),SEN9 (name),"
        + "SEN10 (name),SEN11 (name),SEN12 (name),SEN13 (name),TypeOfResourcedProvision (name),ResourcedProvisionOnRoll,"
        + "ResourcedProvisionCapacity,SenUnitOnRoll,SenUnitCapacity,GOR (code),GOR (name),DistrictAdministrative (code),"
        + "DistrictAdministrative (name),AdministrativeWard (code),AdministrativeWard (name),ParliamentaryConstituency (code),"
        + "ParliamentaryConstituency (name),UrbanRural (code),UrbanRural (name),GSSLACode (name),Easting,Northing,"
        + "CensusAreaStatisticWard (name),MSOA (name),LSOA (name),InspectorateName (name),SENStat,SENNoStat,BoardingEstablishment (name),"
        + "PropsName,PreviousLA (code),PreviousLA (name),PreviousEstablishmentNumber,OfstedRating (name),RSCRegion (name),"
        + "Country (name),UPRN,SiteName,QABName (code),QABName (name),EstablishmentAccredited (code),EstablishmentAccredited (name),"
        + "QABReport,CHNumber,MSOA (code),LSOA (code)";

    private static readonly string[] Columns = Header.Split(',');

    private static readonly (string Code, string Name)[] Types =
    [
        ("1", "Community school"), ("1", "Community school"), ("1", "Community school"), ("2", "Voluntary aided school"),
        ("3", "Voluntary controlled school"), ("5", "Foundation school"), ("28", "Academy sponsor led"), ("34", "Academy converter"),
        ("34", "Academy converter"), ("35", "Free schools"), ("15", "LA nursery school"), ("14", "Pupil referral unit"),
        ("11", "Other independent school"), ("10", "Other independent special school"), ("24", "Secure units"),
        ("30", "Welsh establishment"), ("18", "Further education"), ("29", "Higher education institutions"),
    ];

    private static readonly string[] Words =
    [
        "Oak", "Meadow", "St Mary's", "Hillside", "Riverside", "Kingsway", "Church", "Park", "Greenfield", "Abbey", "Valley",
        "Manor", "Castle", "Brook", "Orchard", "Forest", "Lime", "Willow", "Bishop", "Queen's", "Côte", "Ashby",
    ];

    private static readonly string[] Suffixes = ["Primary School", "Infant School", "Junior School", "Academy", "High School", "Community College", "Nursery School"];

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="extract"/> and their links to <paramref name="links"/>.</summary>
    /// <returns>How many successor-type links were written.</returns>
    public static int Write(Stream extract, Stream links, int rows, int seed = 42, int firstUrn = 100000)
    {
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentNullException.ThrowIfNull(links);
        var random = new Random(seed);
        var index = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        using var writer = new StreamWriter(extract, Encoding.Latin1, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        using var linkWriter = new StreamWriter(links, Encoding.Latin1, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(Header);
        linkWriter.WriteLine("URN,LinkURN,LinkName,LinkType,LinkEstablishedDate");
        var fields = new string[Columns.Length];
        var successorLinks = 0;
        var nextMustBeOpen = false;
        for (var i = 0; i < rows; i++)
        {
            Array.Fill(fields, string.Empty);
            var urn = firstUrn + i;
            var type = Types[random.Next(Types.Length)];
            var closed = !nextMustBeOpen && random.Next(100) < 12 && i + 1 < rows;
            nextMustBeOpen = false;
            var welsh = type.Code == "30";
            var name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Suffixes[random.Next(Suffixes.Length)]}";
            void Set(string column, string value) => fields[index[column]] = value;
            Set(GiasColumns.Urn, urn.ToString(CultureInfo.InvariantCulture));
            Set(GiasColumns.LaCode, welsh ? "681" : (201 + (i % 150)).ToString(CultureInfo.InvariantCulture));
            Set(GiasColumns.LaName, welsh ? "Cardiff" : $"Local Authority {i % 150}");
            Set(GiasColumns.EstablishmentNumber, (2000 + (i % 7000)).ToString(CultureInfo.InvariantCulture));
            Set(GiasColumns.Name, name);
            Set(GiasColumns.TypeCode, type.Code);
            Set(GiasColumns.TypeName, type.Name);
            Set(GiasColumns.StatusCode, closed ? "2" : "1");
            Set(GiasColumns.StatusName, closed ? "Closed" : "Open");
            Set(GiasColumns.OpenDate, random.Next(3) == 0 ? $"01-09-{1990 + random.Next(34)}" : string.Empty);
            Set(GiasColumns.CloseDate, closed ? $"31-08-{2015 + random.Next(10)}" : string.Empty);
            Set(GiasColumns.PhaseCode, "2");
            Set(GiasColumns.PhaseName, "Primary");
            Set(GiasColumns.Ukprn, (10000000 + i).ToString(CultureInfo.InvariantCulture));
            Set(GiasColumns.LastChangedDate, $"{1 + random.Next(28):00}-{1 + random.Next(12):00}-2024");
            Set(GiasColumns.Street, $"{1 + random.Next(200)} {Words[random.Next(Words.Length)]} Road");
            Set(GiasColumns.Locality, random.Next(2) == 0 ? Words[random.Next(Words.Length)] : string.Empty);
            Set(GiasColumns.Town, "Town " + (i % 400).ToString(CultureInfo.InvariantCulture));
            Set(GiasColumns.Postcode, $"AB{1 + (i % 99)} {random.Next(10)}CD");
            Set(GiasColumns.Website, $"www.school{urn}.sch.uk");
            Set(GiasColumns.Section41Approved, type.Code == "11" && random.Next(4) == 0 ? "Approved" : "Not applicable");
            Set(GiasColumns.DistrictAdministrativeCode, welsh ? "W06000015" : $"E0900{i % 90:00}");
            Set(GiasColumns.DistrictAdministrativeName, welsh ? "Cardiff" : $"District {i % 90}");
            Set("GOR (name)", welsh ? "Wales (pseudo)" : "London");
            Set("NumberOfPupils", random.Next(30, 1500).ToString(CultureInfo.InvariantCulture));
            WriteRecord(writer, fields);

            if (closed)
            {
                var kind = random.Next(6);
                var successor = urn + 1;
                if (kind <= 1)
                {
                    linkWriter.WriteLine($"{urn},{successor},\"Successor school\",Successor,01/09/2024");
                    linkWriter.WriteLine($"{successor},{urn},\"Predecessor school\",Predecessor,01/09/2024");
                    successorLinks++;
                    nextMustBeOpen = true;
                }
                else if (kind == 2)
                {
                    linkWriter.WriteLine($"{urn},{successor},\"Merged into\",Successor - merged,01/09/2024");
                    successorLinks++;
                    nextMustBeOpen = true;
                }
            }
            else if (random.Next(20) == 0)
            {
                linkWriter.WriteLine($"{urn},{20000 + (i % 5000)},\"Children's centre\",Children's Centre Link,07/03/2016");
            }
        }

        return successorLinks;
    }

    private static void WriteRecord(StreamWriter writer, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var field = fields[i];
            if (field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal))
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.WriteLine();
    }
}
