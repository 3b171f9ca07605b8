using Ecf.Domain.Schools;

namespace Ecf.Application.Gias;

/// <summary>
/// Reads edubasealldata rows as a stream: the header first (always from the file start), then rows from a record boundary
/// (<see cref="GiasBatchRange.Offset"/>), converting only the columns in <see cref="GiasColumns.Required"/>.
/// </summary>
public sealed class GiasExtractReader : IDisposable
{
    private readonly CsvRecordReader _reader;
    private readonly int[] _index;
    private int _rowNumber;

    private GiasExtractReader(CsvRecordReader reader, GiasHeader header, int firstRowNumber)
    {
        _reader = reader;
        Header = header;
        _rowNumber = firstRowNumber - 1;
        _index = GiasColumns.Required.Select(header.IndexOf).ToArray();
    }

    public GiasHeader Header { get; }

    /// <summary>Byte offset where the row last returned by <see cref="ReadRow"/> starts.</summary>
    public long RowOffset => _reader.RecordOffset;

    public int LastRowNumber => _rowNumber;

    /// <summary>Opens a reader at the file start (after the header). Null when the stream is empty.</summary>
    public static GiasExtractReader? Open(Stream stream)
    {
        var reader = new CsvRecordReader(stream);
        if (!reader.Read())
        {
            reader.Dispose();
            return null;
        }

        return new GiasExtractReader(reader, GiasHeader.Read(reader), 2);
    }

    /// <summary>Opens a reader whose first row is the record at <paramref name="offset"/> (a seekable stream), numbered <paramref name="firstRowNumber"/>.</summary>
    public static GiasExtractReader OpenAt(Stream stream, long offset, int firstRowNumber)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var headerReader = new CsvRecordReader(stream);
        headerReader.Read();
        var header = GiasHeader.Read(headerReader);
        stream.Seek(offset, SeekOrigin.Begin);
        return new GiasExtractReader(new CsvRecordReader(stream, offset), header, firstRowNumber);
    }

    /// <summary>Reads the next row, or null at the end of the file.</summary>
    public GiasRow? ReadRow()
    {
        if (!_reader.Read())
        {
            return null;
        }

        _rowNumber++;
        return Convert(_rowNumber);
    }

    /// <summary>Skips the next row without converting it; false at the end.</summary>
    public bool SkipRow()
    {
        if (!_reader.Read())
        {
            return false;
        }

        _rowNumber++;
        return true;
    }

    /// <summary>Skips the next row, reading only its URN (null when missing or not a valid URN); false at the end.</summary>
    public bool SkipRow(out int? urn)
    {
        urn = null;
        if (!SkipRow())
        {
            return false;
        }

        if (GiasText.TryParseUrn(F(0), out var parsed))
        {
            urn = parsed;
        }

        return true;
    }

    private string F(int column) => _index[column] < 0 ? string.Empty : _reader.FieldString(_index[column]);

    private GiasRow Convert(int row)
    {
        var urnText = F(0);
        GiasRow Reject(string reason) => new(row, null, new GiasRejectedRow(row, GiasText.NullIfEmpty(urnText), reason));

        if (_reader.FieldCount != Header.ColumnCount)
        {
            return Reject($"Has {_reader.FieldCount} fields; the header has {Header.ColumnCount}.");
        }

        for (var i = 0; i < _index.Length; i++)
        {
            if (_index[i] >= 0 && GiasText.EncodingProblem(_reader.Field(_index[i])) is { } problem)
            {
                return Reject($"Bad encoding in {GiasColumns.Required[i]}: {problem}.");
            }
        }

        if (!GiasText.TryParseUrn(urnText, out var urn))
        {
            return Reject(urnText.Length == 0 ? "URN is missing." : $"URN '{urnText}' is not a number.");
        }

        var name = F(4);
        if (name.Length == 0)
        {
            return Reject("EstablishmentName is missing.");
        }

        var typeCode = F(5);
        var statusCode = F(7);
        if (!int.TryParse(typeCode, out _))
        {
            return Reject($"TypeOfEstablishment (code) '{typeCode}' is not a number.");
        }

        if (!int.TryParse(statusCode, out _))
        {
            return Reject($"EstablishmentStatus (code) '{statusCode}' is not a number.");
        }

        if (!GiasText.TryParseDate(F(9), out var openDate))
        {
            return Reject($"OpenDate '{F(9)}' is not a date (dd-MM-yyyy).");
        }

        if (!GiasText.TryParseDate(F(10), out var closeDate))
        {
            return Reject($"CloseDate '{F(10)}' is not a date (dd-MM-yyyy).");
        }

        if (!GiasText.TryParseDate(F(14), out var lastChanged))
        {
            return Reject($"LastChangedDate '{F(14)}' is not a date (dd-MM-yyyy).");
        }

        static string? N(string s) => GiasText.NullIfEmpty(s);
        var street = N(F(15));
        var locality = N(F(16));
        var address3 = N(F(17));
        var town = N(F(18));
        var county = N(F(19));
        var postcode = N(F(20));
        var address = street ?? locality ?? address3 ?? town ?? county ?? postcode;

        var facts = new GiasFacts
        {
            Urn = urn,
            Name = name,
            TypeCode = typeCode,
            TypeName = N(F(6)),
            StatusCode = statusCode,
            StatusName = N(F(8)),
            OpenDate = openDate,
            CloseDate = closeDate,
            PhaseCode = N(F(11)),
            PhaseName = N(F(12)),
            LaCode = N(F(1)),
            LaName = N(F(2)),
            EstablishmentNumber = N(F(3)),
            DistrictAdministrativeCode = N(F(23)),
            DistrictAdministrativeName = N(F(24)),
            Ukprn = N(F(13)),
            Address = address is null ? null : new SchoolAddress(street, locality, address3, town, county, postcode),
            Website = N(F(21)),
            Section41Approved = string.Equals(F(22), "Approved", StringComparison.OrdinalIgnoreCase),
            LastChangedDate = lastChanged,
        };
        return new GiasRow(row, facts, null);
    }

    public void Dispose() => _reader.Dispose();
}
