using System.Text;

namespace Ecf.Application.Gias;

/// <summary>
/// A streaming RFC 4180 reader over bytes: one record at a time, fields as byte ranges of a reused buffer, so a 50,000-row
/// extract is never held in memory and only the fields that are used become strings. Quoted fields may hold commas, doubled
/// quotes and line breaks. Tracks the byte offset of each record so a later reader can start at a record boundary.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _position;
    private long _bufferStartOffset;
    private byte[] _record = new byte[4096];
    private int _recordLength;
    private readonly List<(int Start, int Length)> _fields = new(160);

    /// <param name="startOffset">The byte offset of <paramref name="stream"/>'s current position in the file (for <see cref="RecordOffset"/>).</param>
    public CsvRecordReader(Stream stream, long startOffset = 0)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _bufferStartOffset = startOffset;
    }

    /// <summary>Byte offset in the file where the current record starts.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>Byte offset just after the current record (where the next one starts).</summary>
    public long NextOffset => _bufferStartOffset + _position;

    public int FieldCount => _fields.Count;

    /// <summary>The raw bytes of field <paramref name="index"/> (quotes removed, doubled quotes undone).</summary>
    public ReadOnlySpan<byte> Field(int index) => index < _fields.Count ? _record.AsSpan(_fields[index].Start, _fields[index].Length) : [];

    /// <summary>Field <paramref name="index"/> decoded as ISO-8859-1 and trimmed; empty when absent.</summary>
    public string FieldString(int index)
    {
        var bytes = Field(index);
        return bytes.IsEmpty ? string.Empty : Encoding.Latin1.GetString(bytes).Trim();
    }

    /// <summary>Reads the next record; false at the end of the stream. Blank lines are skipped.</summary>
    public bool Read()
    {
        while (true)
        {
            if (!ReadRecord())
            {
                return false;
            }

            if (!(_fields.Count == 1 && _fields[0].Length == 0))
            {
                return true;
            }
        }
    }

    private bool ReadRecord()
    {
        _fields.Clear();
        _recordLength = 0;
        if (!EnsureData())
        {
            return false;
        }

        RecordOffset = _bufferStartOffset + _position;
        var fieldStart = 0;
        var inQuotes = false;
        while (true)
        {
            if (!EnsureData())
            {
                _fields.Add((fieldStart, _recordLength - fieldStart));
                return true;
            }

            var b = _buffer[_position++];
            if (inQuotes)
            {
                if (b == (byte)'"')
                {
                    if (!EnsureData() || _buffer[_position] != (byte)'"')
                    {
                        inQuotes = false;
                        continue;
                    }

                    _position++;
                }

                Append(b);
                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inQuotes = true;
                    break;
                case (byte)',':
                    _fields.Add((fieldStart, _recordLength - fieldStart));
                    fieldStart = _recordLength;
                    break;
                case (byte)'\r':
                    break;
                case (byte)'\n':
                    _fields.Add((fieldStart, _recordLength - fieldStart));
                    return true;
                default:
                    Append(b);
                    break;
            }
        }
    }

    private void Append(byte b)
    {
        if (_recordLength == _record.Length)
        {
            Array.Resize(ref _record, _record.Length * 2);
        }

        _record[_recordLength++] = b;
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        _bufferStartOffset += _length;
        _length = _stream.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    public void Dispose() => _stream.Dispose();
}
