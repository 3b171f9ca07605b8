using System.Globalization;
using System.Text;

namespace Ecf.Application.ReferenceData;

/// <summary>
/// Reads the project's seed CSV files: a header naming the expected columns exactly, then one record per line
/// (RFC 4180 quoting allowed, blank lines skipped). Every problem is reported with the file name and line number.
/// </summary>
internal sealed class SeedCsv
{
    private readonly Dictionary<string, int> columns;

    private SeedCsv(string file, Dictionary<string, int> columns, IReadOnlyList<SeedCsvRow> rows)
    {
        File = file;
        this.columns = columns;
        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<SeedCsvRow> Rows { get; }

    public static SeedCsv Read(TextReader reader, string file, IReadOnlyList<string> expectedHeader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        SeedCsv? csv = null;
        var rows = new List<SeedCsvRow>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line, file, lineNumber);
            if (csv is null)
            {
                if (!fields.SequenceEqual(expectedHeader, StringComparer.Ordinal))
                {
                    throw new ReferenceSeedFormatException(file, lineNumber, $"header must be '{string.Join(',', expectedHeader)}' but is '{line}'.");
                }

                csv = new SeedCsv(file, fields.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal), rows);
                continue;
            }

            if (fields.Count != expectedHeader.Count)
            {
                throw new ReferenceSeedFormatException(file, lineNumber, $"expected {expectedHeader.Count} fields but found {fields.Count}.");
            }

            rows.Add(new SeedCsvRow(csv, lineNumber, fields));
        }

        return csv ?? throw new ReferenceSeedFormatException(file, 1, "the file is empty; a header line is required.");
    }

    internal int ColumnIndex(string column) =>
        columns.TryGetValue(column, out var index) ? index : throw new InvalidOperationException($"{File} has no column '{column}'.");

    private static List<string> Split(string line, string file, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new ReferenceSeedFormatException(file, lineNumber, "unterminated quoted field.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>One record of a seed file with typed accessors that fail naming file, line and column.</summary>
internal sealed class SeedCsvRow(SeedCsv csv, int line, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;

    public string File => csv.File;

    public ReferenceSeedFormatException Error(string problem) => new(csv.File, Line, problem);

    public string Text(string column)
    {
        var value = Optional(column);
        return value ?? throw Error($"{column} is required.");
    }

    public string? Optional(string column)
    {
        var value = fields[csv.ColumnIndex(column)].Trim();
        return value.Length == 0 ? null : value;
    }

    public int Int(string column)
    {
        var text = Text(column);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"{column} '{text}' is not a whole number.");
    }

    public bool Bool(string column) => Text(column) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error($"{column} '{other}' must be true or false."),
    };

    public Guid Guid(string column)
    {
        var text = Text(column);
        return System.Guid.TryParseExact(text, "D", out var value) ? value : throw Error($"{column} '{text}' is not a GUID.");
    }

    public DateOnly Date(string column) => OptionalDate(column) ?? throw Error($"{column} is required.");

    public DateOnly? OptionalDate(string column)
    {
        var text = Optional(column);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Error($"{column} '{text}' is not a date (yyyy-MM-dd).");
    }

    public DateTimeOffset? OptionalTimestamp(string column)
    {
        var text = Optional(column);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Error($"{column} '{text}' is not a timestamp (yyyy-MM-ddTHH:mm:ss+hh:mm).");
    }

    public IReadOnlyList<string> List(string column) =>
        Optional(column) is { } text ? text.Split('|', StringSplitOptions.TrimEntries) : [];
}
