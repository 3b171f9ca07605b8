using System.Text;

namespace Ecf.Application.Gias;

/// <summary>A header row: column name → index, and which required columns are missing.</summary>
public sealed class GiasHeader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly Dictionary<string, int> _indexes;

    private GiasHeader(Dictionary<string, int> indexes, int count, bool utf8Bom)
    {
        _indexes = indexes;
        ColumnCount = count;
        StartsWithUtf8Bom = utf8Bom;
    }

    public int ColumnCount { get; }

    /// <summary>The file starts with a UTF-8 byte order mark: it is UTF-8, not the ISO-8859-1 GIAS publishes.</summary>
    public bool StartsWithUtf8Bom { get; }

    public static GiasHeader Read(CsvRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var bom = false;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var bytes = reader.Field(i);
            if (i == 0 && bytes.StartsWith(Utf8Bom))
            {
                bom = true;
                bytes = bytes[3..];
            }

            indexes.TryAdd(Encoding.Latin1.GetString(bytes).Trim(), i);
        }

        return new GiasHeader(indexes, reader.FieldCount, bom);
    }

    public int IndexOf(string column) => _indexes.TryGetValue(column, out var index) ? index : -1;

    public IReadOnlyList<string> Missing(IEnumerable<string> required) => required.Where(c => !_indexes.ContainsKey(c)).ToList();
}
