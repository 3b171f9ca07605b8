using Ecf.Domain.Schools;

namespace Ecf.Application.Gias;

/// <summary>Reads the GIAS links file (<c>URN, LinkURN, LinkName, LinkType, LinkEstablishedDate</c>) as a stream.</summary>
public static class GiasLinksReader
{
    /// <summary>Missing required columns, or an empty list when the header is complete.</summary>
    public static IReadOnlyList<string> MissingColumns(Stream stream)
    {
        using var reader = new CsvRecordReader(stream);
        return reader.Read() ? GiasHeader.Read(reader).Missing(GiasColumns.LinksRequired) : GiasColumns.LinksRequired;
    }

    /// <summary>The successor-type links (<c>Successor</c>, <c>Successor - merged</c>, ...), keyed by predecessor URN; other rows are skipped.</summary>
    public static (Dictionary<int, List<GiasLink>> Links, List<GiasRejectedRow> Rejected) ReadSuccessorLinks(Stream stream)
    {
        var links = new Dictionary<int, List<GiasLink>>();
        var rejected = new List<GiasRejectedRow>();
        using var reader = new CsvRecordReader(stream);
        if (!reader.Read())
        {
            return (links, rejected);
        }

        var header = GiasHeader.Read(reader);
        var urnIndex = header.IndexOf("URN");
        var linkUrnIndex = header.IndexOf("LinkURN");
        var nameIndex = header.IndexOf("LinkName");
        var typeIndex = header.IndexOf("LinkType");
        var dateIndex = header.IndexOf("LinkEstablishedDate");
        var row = 1;
        while (reader.Read())
        {
            row++;
            var type = reader.FieldString(typeIndex);
            if (!type.StartsWith(GiasLink.Successor, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var urnText = reader.FieldString(urnIndex);
            var linkUrnText = reader.FieldString(linkUrnIndex);
            if (GiasText.EncodingProblem(reader.Field(nameIndex)) is { } problem)
            {
                rejected.Add(new GiasRejectedRow(row, urnText, $"Bad encoding in LinkName: {problem}."));
                continue;
            }

            if (!GiasText.TryParseUrn(urnText, out var urn) || !GiasText.TryParseUrn(linkUrnText, out var linkUrn))
            {
                rejected.Add(new GiasRejectedRow(row, urnText, $"URN '{urnText}' or LinkURN '{linkUrnText}' is not a number."));
                continue;
            }

            if (!GiasText.TryParseDate(reader.FieldString(dateIndex), out var date))
            {
                rejected.Add(new GiasRejectedRow(row, urnText, $"LinkEstablishedDate '{reader.FieldString(dateIndex)}' is not a date."));
                continue;
            }

            if (!links.TryGetValue(urn, out var list))
            {
                links[urn] = list = [];
            }

            list.Add(new GiasLink(urn, linkUrn, GiasText.NullIfEmpty(reader.FieldString(nameIndex)), type, date, row));
        }

        return (links, rejected);
    }
}
